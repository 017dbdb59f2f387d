using System.Text.Json;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Commands;

public sealed class SweepCommandsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Tiny models on tiny data: seeds 1..trials as the searched parameter, or two dense sizes from two replicates each.
    private string TinySpec(int epochs, int trials, bool replicated = false) => _temp.Write($"tiny-{epochs}-{trials}-{replicated}.yaml", $"""
        name: tiny
        data:
          synthetic: true
          train_per_class: 3
          valid_per_class: 2
        metric:
          last_k: 2
        include_baseline: false
        {(replicated ? "replicates: 2" : "")}
        parameters:
          epochs:
            value: {epochs}
          filters:
            value: [8, 8]
          dense_units:
            {(replicated ? "values: [16, 32]" : "value: 32")}
        {(replicated ? "" : $"  seed:\n    values: [{string.Join(", ", Enumerable.Range(1, trials))}]")}
        """);

    [Fact]
    public void Dev_tinySpec_runsSweepEndToEndAndWritesReport()
    {
        string spec = TinySpec(epochs: 2, trials: 2);

        var result = AslSweepProcess.Run(Limit, "dev", spec, "--out", _temp.File("sweeps"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SYNTHETIC", result.Output, StringComparison.Ordinal);
        Assert.Contains("trial 2: Completed epoch 2/2", result.Output, StringComparison.Ordinal);
        Assert.Contains("ranked by mean val_accuracy of the last 2 epochs", result.Output, StringComparison.Ordinal);
        string folder = Assert.Single(Directory.GetDirectories(_temp.File("sweeps"), "tiny-*"));
        Assert.Equal(1 + (2 * 2), File.ReadAllLines(Path.Combine(folder, "epochs.csv")).Length);
        Assert.Equal(1 + 2, File.ReadAllLines(Path.Combine(folder, "report.csv")).Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        Assert.Equal(2, json.RootElement.GetProperty("report").GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Dev_twoReplicates_printsAndWritesEachConfigurationWithItsInterval()
    {
        // Issue 17: a console table whose cells hold "[low, high]" once failed as malformed markup, and the report
        // was never written.
        string spec = TinySpec(epochs: 2, trials: 4, replicated: true);

        var result = AslSweepProcess.Run(Limit, "dev", spec, "--out", _temp.File("sweeps"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Configurations: mean over 2 seeds [95% bootstrap interval]", result.Output, StringComparison.Ordinal);
        Assert.Contains("over 2 seeds", result.Output, StringComparison.Ordinal);
        string folder = Assert.Single(Directory.GetDirectories(_temp.File("sweeps"), "tiny-*"));
        string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("### Configurations (2 replicates each)", markdown, StringComparison.Ordinal);
        Assert.Contains("| runner-up |", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var configurations = json.RootElement.GetProperty("report").GetProperty("configurations");
        Assert.Equal(2, configurations.GetArrayLength());
        Assert.All(configurations.EnumerateArray(), c => Assert.Equal(2, c.GetProperty("trialIds").GetArrayLength()));
    }

    [Fact]
    public async Task Dev_servesMetricsAndOptionalOrleansDashboardOnLoopback()
    {
        using var dev = AslSweepProcess.Start("dev", TinySpec(epochs: 60, trials: 1), "--out", _temp.File("sweeps"), "--orleans-dashboard");
        string url = dev.WaitForLine(@"metrics (http://127\.0\.0\.1:\d+/metrics)", Limit).Groups[1].Value;
        string dashboard = dev.WaitForLine(@"Orleans dashboard (http://127\.0\.0\.1:\d+/dashboard)", Limit).Groups[1].Value;
        dev.WaitForLine(@"trial 1: Running epoch [1-9]", Limit);

        using var client = new HttpClient();
        string metrics = await client.GetStringAsync(new Uri(url));

        Assert.Contains("aslsweep_epochs_completed_total", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activations", metrics, StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri(dashboard));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void Submit_badSpec_printsEveryLocatedProblemBeforeConnecting()
    {
        string spec = _temp.Write("bad.yaml", "name: bad\nmethd: grid\nparameters:\n  dense_dropout:\n    values: [0.2, 1.5]\n");

        var result = AslSweepProcess.Run(Limit, "submit", spec, "--gateway", $"127.0.0.1:{FreePorts.Next()}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{spec}:2:1: methd: unknown key", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Watch_noCluster_saysHowToStartOneAndExits3()
    {
        var result = AslSweepProcess.Run(Limit, "watch", "some-sweep", "--gateway", $"127.0.0.1:{FreePorts.Next()}");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot reach a cluster", result.Output, StringComparison.Ordinal);
        Assert.Contains("aslsweep dev", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_afterASweep_servesPrometheusMetricsForEveryTrial()
    {
        var (silo, port, http) = AslSweepProcess.StartSiloOnFreePorts("test-silo", _temp.File("checkpoints"), Limit);
        using var running = silo;
        var (_, id) = AslSweepProcess.Submit(Limit, TinySpec(epochs: 3, trials: 2), "--gateway", $"127.0.0.1:{port}");
        Assert.Contains("trial 2: Completed", AslSweepProcess.Run(Limit, "watch", id, "--gateway", $"127.0.0.1:{port}").Output, StringComparison.Ordinal);

        using var client = new HttpClient();
        string metrics = await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/metrics"));

        Assert.Matches($@"aslsweep_epochs_completed_total{{[^}}]*sweep=""{id}""[^}}]*}} 6", metrics);
        foreach (int trial in new[] { 1, 2 })
        {
            Assert.Matches($@"aslsweep_trial_val_accuracy{{[^}}]*sweep=""{id}""[^}}]*trial=""{trial}""[^}}]*}} 0?\.\d+", metrics);
        }

        Assert.Contains("aslsweep_epoch_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Matches(@"aslsweep_checkpoint_write_duration_seconds_count{[^}]*} 6", metrics);
        Assert.Matches(@"aslsweep_trials_finished_total{[^}]*state=""completed""[^}]*} 2", metrics);
        Assert.Contains("process_cpu_time", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_healthEndpointAndBadSetting_reportTheirState()
    {
        var (silo, _, http) = AslSweepProcess.StartSiloOnFreePorts("test-silo", _temp.File("checkpoints"), Limit);
        using (silo)
        {
            using var client = new HttpClient();

            Assert.Equal("Healthy", await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/healthz")));
        }

        using var bad = AslSweepProcess.StartSilo("--AslSweep:Silo:GatewayPort=0", "--AslSweep:Workers:Devices:0=gpu0", "--AslSweep:Workers:CpuBackend=mkl", $"--Urls=http://127.0.0.1:{FreePorts.Next()}");

        Assert.Equal(2, bad.WaitForExit(Limit));
        Assert.Contains("error: AslSweep:Silo:GatewayPort: 0 is not a port", bad.Output, StringComparison.Ordinal);
        Assert.Contains("error: AslSweep:Workers:Devices:0: 'gpu0' is not cpu or cuda:N", bad.Output, StringComparison.Ordinal);
        Assert.Contains("error: AslSweep:Workers:CpuBackend: 'mkl' is not one of native, onednn, onednn-sse41", bad.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteVerbs_againstSiloProcess_submitListStatusResultsAndReattachingWatch()
    {
        var (silo, port, _) = AslSweepProcess.StartSiloOnFreePorts("test-silo", _temp.File("checkpoints"), Limit);
        using var running = silo;
        string gateway = $"127.0.0.1:{port}";

        var (submit, id) = AslSweepProcess.Submit(Limit, TinySpec(epochs: 25, trials: 3), "--gateway", gateway);
        var list = AslSweepProcess.Run(Limit, "list", "--gateway", gateway);
        var status = AslSweepProcess.Run(Limit, "status", "--gateway", gateway);
        var results = AslSweepProcess.Run(Limit, "results", id, "--format", "json", "--gateway", gateway);
        var unknown = AslSweepProcess.Run(Limit, "results", "no-such-sweep", "--gateway", gateway);

        // A submit retried with the same id and the same spec (say, after a timeout) is the same sweep; another spec is refused.
        var (retried, retriedId) = AslSweepProcess.Submit(Limit, TinySpec(epochs: 25, trials: 3), "--id", id, "--gateway", gateway);
        var (clash, _) = AslSweepProcess.Submit(Limit, TinySpec(epochs: 24, trials: 3), "--id", id, "--gateway", gateway);
        using (var killedWatch = AslSweepProcess.Start("watch", id, "--gateway", gateway))
        {
            // A client that dies mid-watch changes nothing for the sweep.
            killedWatch.WaitForLine("trial 1: ", Limit);
            killedWatch.Kill();
        }

        var watch = AslSweepProcess.Run(Limit, "watch", id, "--gateway", gateway);
        var csv = AslSweepProcess.Run(Limit, "results", id, "--format", "csv", "--out", _temp.File("results"), "--gateway", gateway);

        Assert.True(submit.ExitCode == 0 && id.StartsWith("tiny-", StringComparison.Ordinal), submit.ToString());
        Assert.True(list.ExitCode == 0 && list.Output.Contains(id, StringComparison.Ordinal), list.ToString());
        Assert.True(status.ExitCode == 0 && status.Output.Contains("test-silo/cpu/0", StringComparison.Ordinal), status.ToString());
        Assert.Contains("cpu backend", status.Output, StringComparison.Ordinal);
        Assert.Contains("native: probe", status.Output, StringComparison.Ordinal);
        Assert.True(results.ExitCode == 0, results.ToString());
        using var json = JsonDocument.Parse(results.Output);
        Assert.Equal(3, json.RootElement.GetProperty("status").GetProperty("trials").GetArrayLength());
        Assert.True(retried.ExitCode == 0 && retriedId == id, retried.ToString());
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains($"error: sweep refused: {id} already exists with another spec", clash.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", clash.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no sweep 'no-such-sweep'", unknown.Output, StringComparison.Ordinal);
        Assert.True(watch.ExitCode == 0, watch.ToString());
        Assert.Contains("trial 3: Completed epoch 25/25", watch.Output, StringComparison.Ordinal);
        Assert.Contains("ranked by mean val_accuracy", watch.Output, StringComparison.Ordinal);
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Equal(4, csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1 + (3 * 25), File.ReadAllLines(Path.Combine(_temp.File("results"), "epochs.csv")).Length);
    }

    [Fact]
    public void Cancel_runningSweepOnSilo_stopsItsTrialsKeepingEpochs()
    {
        var (silo, port, _) = AslSweepProcess.StartSiloOnFreePorts("test-silo", _temp.File("checkpoints"), Limit);
        using var running = silo;
        string gateway = $"127.0.0.1:{port}";
        var (_, id) = AslSweepProcess.Submit(Limit, TinySpec(epochs: 500, trials: 2), "--gateway", gateway);
        silo.WaitForLine("trial 1 attempt 1", Limit);
        AslSweepProcess.Result results;
        do
        {
            results = AslSweepProcess.Run(Limit, "results", id, "--format", "json", "--gateway", gateway);
        }
        while (!results.Output.Contains("\"epoch\": 1,", StringComparison.Ordinal));

        var cancel = AslSweepProcess.Run(Limit, "cancel", id, "--gateway", gateway);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<JsonElement> trials;
        do
        {
            using var json = JsonDocument.Parse(AslSweepProcess.Run(Limit, "results", id, "--format", "json", "--gateway", gateway).Output);
            trials = json.RootElement.GetProperty("status").GetProperty("trials").EnumerateArray().Select(t => t.Clone()).ToList();
        }
        while (trials.Any(t => t.GetProperty("state").GetString() != "Cancelled") && DateTime.UtcNow < deadline);

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.All(trials, t => Assert.Equal("Cancelled", t.GetProperty("state").GetString()));
        Assert.True(trials[0].GetProperty("epochs").GetArrayLength() > 0);
    }
}
