using System.Text.Json;
using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>deploy/grafana: valid dashboards whose every query names metrics a live silo really exports.</summary>
public sealed partial class GrafanaDashboardTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    public static IReadOnlyList<string> DashboardFiles { get; } =
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "grafana", "dashboards"), "*.json").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> Dashboards => [.. DashboardFiles];

    public void Dispose() => _temp.Dispose();

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "grafana", "dashboards", file))).RootElement;

    private static IEnumerable<string> Expressions(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!);

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_isValidGrafanaJsonWithUniquePanelsAndDatasourceByUid(string file)
    {
        var dashboard = Load(file);

        foreach (string field in new[] { "uid", "title", "schemaVersion", "panels", "time", "templating" })
        {
            Assert.True(dashboard.TryGetProperty(field, out _), $"{file}: missing {field}");
        }

        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p =>
        {
            Assert.Equal("prometheus", p.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.True(p.TryGetProperty("gridPos", out _));
            Assert.All(p.GetProperty("targets").EnumerateArray(), t =>
            {
                Assert.Equal("prometheus", t.GetProperty("datasource").GetProperty("uid").GetString());
                Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()));
            });
        });
    }

    [Fact]
    public async Task Dashboards_everyMetricTheyQuery_existsInALiveScrapeOfASiloRunningASweep()
    {
        var names = DashboardFiles.SelectMany(d => Expressions(Load(d))).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet();
        Assert.Contains("aslsweep_trials_retries_total", names);
        string checkpoints = _temp.File("checkpoints");

        var (silo, gateway, http) = AslSweepProcess.StartSiloOnFreePorts("scrape-silo", checkpoints, Limit);
        using var running = silo;
        string spec = _temp.Write("spec.yaml", "name: scraped\ndata: {synthetic: true, train_per_class: 3, valid_per_class: 2}\ninclude_baseline: false\nparameters:\n  epochs: {value: 3}\n  filters: {value: [8, 8]}\n  seed: {values: [1, 2, 3]}\n");
        Assert.Equal(0, AslSweepProcess.Run(Limit, "submit", spec, "--id", "scraped", "--gateway", $"127.0.0.1:{gateway}").ExitCode);
        // Trial 3's checkpoint is corrupt, so the sweep also produces a retry and a failed trial. Planted once the
        // sweep started (a new sweep clears its folders), while the silo's one worker still trains trial 1.
        Directory.CreateDirectory(Path.Combine(checkpoints, "scraped", "trial-3", "current"));
        File.WriteAllText(Path.Combine(checkpoints, "scraped", "trial-3", "current", "state.json"), "{ not json");
        Assert.Equal(0, AslSweepProcess.Run(Limit, "watch", "scraped", "--gateway", $"127.0.0.1:{gateway}").ExitCode);

        using var client = new HttpClient();
        string scrape = await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/metrics"));
        var exported = scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet();

        Assert.All(names, name => Assert.True(exported.Contains(name), $"the dashboards query {name}, which the silo does not export"));
    }


    [GeneratedRegex(@"\b(aslsweep|orleans|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
