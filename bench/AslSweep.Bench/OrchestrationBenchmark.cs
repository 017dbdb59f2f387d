using System.Diagnostics;
using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Search;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Bench;

/// <summary>
/// Orchestration overhead: the same real trials (seed CNN, synthetic data) trained directly through the training
/// core in this process, then as a sweep through a one-worker cluster in this process, with the same torch threads.
/// </summary>
public static class OrchestrationBenchmark
{
    private const int Trials = 3;
    private const int Epochs = 4;

    /// <summary>Runs both; returns the times and their ratio.</summary>
    public static async Task<OrchestrationResult> Run(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var data = new DataSpec { Synthetic = true, SyntheticTrainPerClass = 40, SyntheticValidPerClass = 20 };
        var spec = BenchCluster.SeedSweep("orchestration", Trials, Epochs, data);
        int threads = get_num_threads();

        // Direct: what a script would do, data generated and moved to the device once; first on this (main)
        // thread, then on a dedicated thread as a worker uses (torch is measurably slower off the main thread).
        var (train, valid) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = 40, ValidPerClass = 20, Seed = data.SyntheticSeed });
        using var trainSet = DeviceDataset.Create(train, CPU);
        using var validSet = DeviceDataset.Create(valid, CPU);
        double Direct()
        {
            var clock = Stopwatch.StartNew();
            foreach (var trial in TrialPlanner.Plan(spec))
            {
                using var session = new TrainingSession(TrainingConfig.For(trial.Config), CPU);
                session.Run(trainSet, validSet);
            }

            return clock.Elapsed.TotalSeconds;
        }

        Direct();
        double direct = Direct();
        double directThread = await Task.Factory.StartNew(Direct, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        log.WriteLine(FormattableString.Invariant($"direct: {Trials} trials x {Epochs} epochs in {direct:F2} s on the main thread, {directThread:F2} s on a dedicated thread"));

        await using var cluster = await BenchCluster.Start(new Dictionary<string, string?> { ["AslSweep:Workers:TorchThreads"] = threads.ToString(CultureInfo.InvariantCulture) }, 1);
        var (elapsed, status) = await cluster.Run("orchestration", spec);
        if (status.Trials.Any(t => t.State != TrialState.Completed))
        {
            throw new InvalidOperationException("orchestration: a trial did not complete");
        }

        double viaCluster = elapsed.TotalSeconds;
        var result = new OrchestrationResult(Trials, Epochs, direct, directThread, viaCluster, viaCluster / direct, viaCluster / directThread);
        log.WriteLine(FormattableString.Invariant($"cluster: {viaCluster:F2} s; ratio {result.Ratio:F3} to the main thread, {result.RatioToDedicatedThread:F3} to a dedicated thread ({(result.RatioToDedicatedThread - 1) * 100:F1}% orchestration overhead)"));
        return result;
    }
}
