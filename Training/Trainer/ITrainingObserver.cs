namespace AslSweep.Training.Trainer;

/// <summary>Receives progress from a training run, on the training thread; keep the work short.</summary>
public interface ITrainingObserver
{
    /// <summary>After every batch.</summary>
    void OnBatch(BatchProgress progress)
    {
    }

    /// <summary>After a checkpoint was written, with how long the write took.</summary>
    void OnCheckpoint(int epoch, TimeSpan duration)
    {
    }

    /// <summary>
    /// Once, before training goes on, when a run resumed from a checkpoint: the epochs it had completed, which are
    /// not reported again through <see cref="OnEpoch"/>.
    /// </summary>
    void OnResumed(IReadOnlyList<EpochMetrics> history)
    {
    }

    /// <summary>After every epoch, once its checkpoint (if any) is written.</summary>
    void OnEpoch(EpochMetrics metrics)
    {
    }
}
