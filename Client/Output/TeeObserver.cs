using AslSweep.Training.Trainer;

namespace AslSweep.Client.Output;

/// <summary>Passes every callback to two observers, in order.</summary>
public sealed class TeeObserver(ITrainingObserver first, ITrainingObserver second) : ITrainingObserver
{
    /// <inheritdoc />
    public void OnBatch(BatchProgress progress)
    {
        first.OnBatch(progress);
        second.OnBatch(progress);
    }

    /// <inheritdoc />
    public void OnResumed(IReadOnlyList<EpochMetrics> history)
    {
        first.OnResumed(history);
        second.OnResumed(history);
    }

    /// <inheritdoc />
    public void OnEpoch(EpochMetrics metrics)
    {
        first.OnEpoch(metrics);
        second.OnEpoch(metrics);
    }
}
