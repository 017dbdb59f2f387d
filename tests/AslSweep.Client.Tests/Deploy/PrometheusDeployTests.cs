using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>deploy/prometheus against a real Prometheus scraping a real silo process.</summary>
public sealed partial class PrometheusDeployTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    private static string Deploy(string file) => Path.Combine(RepoPaths.Root, "deploy", "prometheus", file);

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void Promtool_deployConfigAndRules_areValid()
    {
        Skip.If(PrometheusTool.Missing is not null, PrometheusTool.Missing);

        var config = PrometheusTool.Promtool("check", "config", Deploy("prometheus.yml"));
        var rules = PrometheusTool.Promtool("check", "rules", Deploy("alerts.yml"));

        Assert.True(config.ExitCode == 0, config.Output);
        Assert.True(rules.ExitCode == 0, rules.Output);
        Assert.Contains("SUCCESS: 4 rules found", rules.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Prometheus_scrapingASiloRunningASweep_seesEpochsAndEveryTrialsAccuracy()
    {
        Skip.If(PrometheusTool.Missing is not null, PrometheusTool.Missing);
        int web = FreePorts.Next();
        var (silo, gateway, http) = AslSweepProcess.StartSiloOnFreePorts("prom-silo", _temp.File("checkpoints"), Limit);
        using var running = silo;

        // The deploy configuration, pointed at this silo and scraping every second.
        string config = File.ReadAllText(Deploy("prometheus.yml"));
        config = TargetsPattern().Replace(config, $"targets: [\"127.0.0.1:{http}\"]");
        config = config.Replace("scrape_interval: 15s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("- alerts.yml", $"- {Deploy("alerts.yml")}", StringComparison.Ordinal);
        string configPath = _temp.Write("prometheus.yml", config);
        using var prometheus = StartPrometheus(configPath, web);

        var (submit, id) = AslSweepProcess.Submit(Limit, _temp.Write("spec.yaml", """
            name: prom
            data: {synthetic: true, train_per_class: 3, valid_per_class: 2}
            include_baseline: false
            parameters:
              epochs: {value: 30}
              filters: {value: [8, 8]}
              dense_units: {value: 32}
              seed: {values: [1, 2]}
            """), "--gateway", $"127.0.0.1:{gateway}");
        Assert.True(submit.ExitCode == 0, submit.ToString());

        using var client = new HttpClient();
        double epochs = 0;
        int trials = 0;
        var deadline = DateTime.UtcNow + Limit;
        while ((epochs <= 0 || trials < 2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            epochs = await Query(client, web, $"sum(aslsweep_epochs_completed_total{{sweep=\"{id}\"}})");
            trials = (int)await Query(client, web, $"count(aslsweep_trial_val_accuracy{{sweep=\"{id}\", statistics=\"moving\"}})");
        }

        Assert.True(epochs > 0, "the epoch counter never became positive in Prometheus");
        Assert.Equal(2, trials);
        Assert.Equal(1, await Query(client, web, "up{job=\"aslsweep-silos\"}"));

        // The silo's CPU backend passed its probe (the CpuBackendProbeFailed alert's series, seen by a real Prometheus).
        Assert.Equal(1, await Query(client, web, "aslsweep_cpu_backend_probe_passed{backend=\"native\",requested=\"native\"}"));
    }

    private static async Task<double> Query(HttpClient client, int port, string promql)
    {
        string url = $"http://127.0.0.1:{port}/api/v1/query?query={Uri.EscapeDataString(promql)}";
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(url)));
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private AslSweepProcess.Background StartPrometheus(string config, int port)
    {
        var start = new ProcessStartInfo("/usr/bin/prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={_temp.File("tsdb")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        var prometheus = AslSweepProcess.Wrap(Process.Start(start)!);
        prometheus.WaitForLine("Server is ready to receive web requests", Limit);
        return prometheus;
    }


    [GeneratedRegex(@"targets: \[[^\]]*\]")]
    private static partial Regex TargetsPattern();
}
