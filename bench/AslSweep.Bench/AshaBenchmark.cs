using System.Diagnostics;
using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Bookkeeping;
using AslSweep.Sweeps.Search;
using AslSweep.Sweeps.Specs;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Bench;

/// <summary>
/// ASHA versus the full grid over the same space (bench/specs/grid-vs-asha.yaml) on the embedded synthetic data.
/// Every trial of the grid is trained to its full epochs once, in this process; ASHA is then run over those
/// recorded curves by <see cref="SchedulerReplay"/>, the coordinator's own bookkeeping and scheduler with simulated
/// workers. Training is deterministic per trial, so a live ASHA sweep with equally fast workers sees exactly
/// these curves in this order: the replay measures the scheduler, not the machine's noise.
/// </summary>
public static class AshaBenchmark
{
    /// <summary>Trains the grid, replays ASHA with the spec's settings and a few others, and returns the comparison.</summary>
    public static AshaResult Run(string specPath, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var spec = SweepSpecReader.ReadFile(specPath);
        var trials = TrialPlanner.Plan(spec);
        var (train, valid) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = spec.Data.SyntheticTrainPerClass, ValidPerClass = spec.Data.SyntheticValidPerClass, Seed = spec.Data.SyntheticSeed });
        using var trainSet = DeviceDataset.Create(train, CPU);
        using var validSet = DeviceDataset.Create(valid, CPU);
        var curves = new Dictionary<int, IReadOnlyList<EpochReport>>();
        var clock = Stopwatch.StartNew();
        foreach (var trial in trials)
        {
            using var session = new TrainingSession(TrainingConfig.For(trial.Config), CPU);
            var result = session.Run(trainSet, validSet);
            curves[trial.TrialId] = [.. result.Epochs.Select(Grains.Workers.EpochReportPump.ToReport)];
            log.WriteLine(FormattableString.Invariant($"grid trial {trial.TrialId}/{trials.Count} ({clock.Elapsed.TotalMinutes:F1} min): mean of the last {spec.Metric.LastK} {CurveStatistics.Of(curves[trial.TrialId], spec.Metric.LastK)!.MeanLastK:F4} ({string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, trial.Config))})"));
        }

        return Compare(specPath, spec, curves, clock.Elapsed.TotalSeconds, log);
    }

    /// <summary>Replays ASHA over curves saved by an earlier run (asha.json), without training: `bench asha-replay [asha.json]`.</summary>
    public static AshaResult Replay(string specPath, string saved, TextWriter log)
    {
        var spec = SweepSpecReader.ReadFile(specPath);
        var earlier = System.Text.Json.JsonSerializer.Deserialize<AshaResult>(File.ReadAllText(saved), TrainingCheckpoint.Json)
            ?? throw new InvalidDataException($"{saved}: empty");
        return Compare(specPath, spec, earlier.Curves, earlier.GridSeconds, log);
    }

    private static AshaResult Compare(string specPath, SweepSpec spec, IReadOnlyDictionary<int, IReadOnlyList<EpochReport>> curves, double seconds, TextWriter log)
    {
        int k = spec.Metric.LastK;
        var best = curves.Select(c => (Trial: c.Key, Stable: CurveStatistics.Of(c.Value, k)!.MeanLastK)).MaxBy(c => c.Stable);
        int gridEpochs = curves.Values.Sum(c => c.Count);
        var runs = new List<AshaRun>();
        foreach (var (eta, grace) in new[] { (spec.Scheduler.ReductionFactor, spec.Scheduler.GracePeriod), (2, 1), (3, 1), (4, 1), (6, 1), (2, 2), (3, 2), (3, 4), (3, 5), (4, 5), (3, 6), (4, 6) }.Distinct())
        {
            var scheduler = spec.Scheduler with { ReductionFactor = eta, GracePeriod = grace };
            var replay = SchedulerReplay.Run(spec with { Scheduler = scheduler }, curves);
            var run = new AshaRun(eta, grace, replay.Epochs, (double)replay.Epochs / gridEpochs, replay.BestTrial, replay.BestStable, (best.Stable - replay.BestStable) * 100, replay.Stopped);
            runs.Add(run);
            log.WriteLine(FormattableString.Invariant($"ASHA eta {eta} grace {grace}: {run.Epochs} of {gridEpochs} epochs ({run.EpochRatio:P1}), best trial {run.BestTrial} at {run.BestStable:F4} ({run.GapPercentagePoints:F2} pp below the grid's best), {run.Stopped} trials stopped"));
        }

        return new AshaResult(specPath, curves.Count, gridEpochs, best.Trial, best.Stable, seconds, runs, curves);
    }

    /// <summary>Prints the comparison; the spec's own setting is the first row.</summary>
    public static void Print(AshaResult result, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(log);
        var main = result.Runs[0];
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grid: {result.Trials} trials, {result.GridEpochs} epochs, best stable metric {result.GridBestStable:F4} (trial {result.GridBestTrial}), trained in {result.GridSeconds / 60:F1} min"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ASHA (eta {main.ReductionFactor}, grace {main.GracePeriod}): {main.Epochs} epochs = {main.EpochRatio:P1} of the grid's (target <= 35%), best {main.BestStable:F4} (trial {main.BestTrial}) = {main.GapPercentagePoints:F2} pp below the grid's best (target <= 0.5)"));
    }
}
