using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Bench;

/// <summary>
/// Control-plane overhead with the simulated trainer (sleeps, reports metrics, no torch), shaped after Ray Tune's
/// published scalability benchmarks: (1) 1,000 one-second trials on 16 slots, minimum 62.5 s; (2) 96 concurrent
/// trials reporting 10 results per second each for 100 s, minimum 100 s.
/// </summary>
public static class ControlPlaneBenchmark
{
    /// <summary>Runs both shapes; returns their measured and minimal times.</summary>
    public static async Task<IReadOnlyList<ControlPlaneResult>> Run(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var results = new List<ControlPlaneResult>
        {
            await Shape(log, "1,000 trials x 1 s on 16 slots", slots: 16, trials: 1000, epochs: 1, epochSeconds: 1.0),
            await Shape(log, "96 trials x 10 results/s for 100 s", slots: 96, trials: 96, epochs: 1000, epochSeconds: 0.1),
        };
        foreach (var r in results)
        {
            log.WriteLine(FormattableString.Invariant($"{r.Shape}: {r.Seconds:F1} s against a minimum of {r.MinimumSeconds:F1} s = {r.Ratio:F3} ({(r.Ratio - 1) * 100:F1}% overhead; Ray Tune: {r.RayTuneRatio:F3})"));
        }

        return results;
    }

    private static async Task<ControlPlaneResult> Shape(TextWriter log, string shape, int slots, int trials, int epochs, double epochSeconds)
    {
        log.WriteLine($"{shape}...");
        var workers = new Dictionary<string, string?>
        {
            ["AslSweep:Workers:Trainer"] = "simulated",
            ["AslSweep:Workers:SimulatedEpochSeconds"] = epochSeconds.ToString(CultureInfo.InvariantCulture),
        };
        for (int i = 0; i < slots; i++)
        {
            workers[$"AslSweep:Workers:Devices:{i}"] = "cpu";
        }

        await using var cluster = await BenchCluster.Start(workers, slots);
        var spec = BenchCluster.SeedSweep("control-plane", trials, epochs, maxConcurrent: slots);
        var (elapsed, status) = await cluster.Run($"control-plane-{slots}", spec);
        if (status.Trials.Any(t => t.State != TrialState.Completed || t.Epochs.Length != epochs))
        {
            throw new InvalidOperationException($"{shape}: not every trial completed with all its results");
        }

        double minimum = Math.Ceiling((double)trials / slots) * epochs * epochSeconds;
        double rayTune = slots == 16 ? 715.0 / 625.0 : 168.9 / 100.0;
        return new ControlPlaneResult(shape, elapsed.TotalSeconds, minimum, elapsed.TotalSeconds / minimum, rayTune);
    }
}
