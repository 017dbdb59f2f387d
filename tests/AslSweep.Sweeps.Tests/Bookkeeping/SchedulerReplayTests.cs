using System.Text.Json;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Bookkeeping;
using AslSweep.Sweeps.Specs;
using AslSweep.Tests.Shared;

namespace AslSweep.Sweeps.Tests.Bookkeeping;

public sealed class SchedulerReplayTests
{
    // The training core's metrics-file settings (TrainingCheckpoint.Json), which bench asha wrote them with.
    private static readonly JsonSerializerOptions RecordedJson = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The grid's curves recorded by `bench asha` (24 trials x 12 epochs of real training), read with the JSON settings that wrote them.</summary>
    private static Dictionary<int, IReadOnlyList<EpochReport>> RecordedCurves()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "bench", "recorded", "asha.json")));
        return json.RootElement.GetProperty("curves").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => (IReadOnlyList<EpochReport>)p.Value.Deserialize<List<EpochReport>>(RecordedJson)!);
    }

    [Fact]
    public void Run_benchmarkSpecOverRecordedCurves_meetsTheAshaBudgetAndQuality()
    {
        var spec = SweepSpecReader.ReadFile(Path.Combine(RepoPaths.Root, "bench", "specs", "grid-vs-asha.yaml"));
        var curves = RecordedCurves();
        int grid = curves.Values.Sum(c => c.Count);
        double gridBest = curves.Values.Max(c => CurveStatistics.Of(c, spec.Metric.LastK)!.MeanLastK);

        var (epochs, _, best, stopped) = SchedulerReplay.Run(spec, curves);

        // The targets: at most 35% of the grid's epochs, within 0.5 percentage points of its best.
        Assert.Equal(288, grid);
        Assert.True(epochs <= 0.35 * grid, $"{epochs} of {grid} epochs");
        Assert.True(gridBest - best <= 0.005, $"best {best:F4} against the grid's {gridBest:F4}");
        Assert.Equal(20, stopped);
    }

    [Fact]
    public void Run_fifoOverRecordedCurves_trainsTheWholeGrid()
    {
        var spec = SweepSpecReader.ReadFile(Path.Combine(RepoPaths.Root, "bench", "specs", "grid-vs-asha.yaml"));

        var (epochs, _, _, stopped) = SchedulerReplay.Run(spec with { Scheduler = new SchedulerSpec() }, RecordedCurves());

        Assert.Equal(288, epochs);
        Assert.Equal(0, stopped);
    }
}
