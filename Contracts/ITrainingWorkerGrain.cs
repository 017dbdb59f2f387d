namespace AslSweep.Contracts;

/// <summary>
/// A worker bound to one device slot of one silo (key = "silo/device/slot"); it always activates on that silo.
/// It trains one trial at a time in the background and keeps answering status and cancel calls meanwhile.
/// </summary>
[Alias("aslsweep.ITrainingWorkerGrain")]
public interface ITrainingWorkerGrain : IGrainWithStringKey
{
    /// <summary>Starts the attempt and returns at once; false when the worker is busy.</summary>
    [Alias("TryStart")]
    Task<bool> TryStart(TrialAssignment assignment);

    /// <summary>Cancels the attempt if it is the one running; returns whether it was.</summary>
    [Alias("Cancel")]
    Task<bool> Cancel(string sweepId, int trialId);

    /// <summary>
    /// Every epoch the running attempt has completed (those it resumed from included); empty when the worker does
    /// not run that attempt. A reactivated coordinator reads them: reports it acknowledged before it was lost, and
    /// had not saved, are never sent again.
    /// </summary>
    [Alias("GetEpochs")]
    Task<System.Collections.Immutable.ImmutableArray<EpochReport>> GetEpochs(AttemptKey attempt);

    /// <summary>What the worker is doing.</summary>
    [Alias("GetStatus")]
    Task<WorkerStatus> GetStatus();
}
