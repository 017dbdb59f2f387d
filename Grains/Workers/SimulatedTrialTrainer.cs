using AslSweep.Contracts;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Workers;

/// <summary>
/// A stand-in trainer for measuring the control plane (benchmarks, load tests): no torch, each epoch sleeps
/// <see cref="WorkerOptions.SimulatedEpochSeconds"/> and reports a plausible, seed-determined curve. Selected with
/// <c>AslSweep:Workers:Trainer = simulated</c>; never the default.
/// </summary>
public sealed class SimulatedTrialTrainer(IOptions<WorkerOptions> options) : ITrialTrainer
{
    /// <inheritdoc />
    public TrainingResult Run(TrialAssignment assignment, string device, ITrainingObserver observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(observer);
        var epochs = new List<EpochMetrics>();
        var random = new Random(assignment.Config.Seed * 7919 + assignment.TrialId);
        var period = TimeSpan.FromSeconds(options.Value.SimulatedEpochSeconds);
        long start = TimeProvider.System.GetTimestamp();
        for (int epoch = 1; epoch <= assignment.Config.Epochs; epoch++)
        {
            // Sleep to the epoch's deadline rather than a fixed span, so per-epoch overheads do not add up.
            var wait = (period * epoch) - TimeProvider.System.GetElapsedTime(start);
            if (wait > TimeSpan.Zero && cancellation.WaitHandle.WaitOne(wait))
            {
                return new TrainingResult(TrainingOutcome.Cancelled, epochs, $"cancelled during epoch {epoch}");
            }

            if (cancellation.IsCancellationRequested)
            {
                return new TrainingResult(TrainingOutcome.Cancelled, epochs, $"cancelled during epoch {epoch}");
            }

            double val = 0.95 - (0.5 * Math.Exp(-epoch / 3.0)) + ((random.NextDouble() - 0.5) * 0.02);
            var metrics = new EpochMetrics(epoch, 1 - val, Math.Min(1, val + 0.03), 1 - val, val, assignment.Config.LearningRate, period.TotalSeconds, 1000);
            epochs.Add(metrics);
            observer.OnEpoch(metrics);
        }

        return new TrainingResult(TrainingOutcome.Completed, epochs, $"completed {epochs.Count} simulated epochs");
    }
}
