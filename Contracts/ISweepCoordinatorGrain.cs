using System.Collections.Immutable;
using Orleans.Concurrency;

namespace AslSweep.Contracts;

/// <summary>
/// One per sweep (key = sweep id): expands the spec into trials, dispatches them to idle workers, collects every
/// epoch, retries failures and produces the report. Its state survives deactivation.
/// </summary>
[Alias("aslsweep.ISweepCoordinatorGrain")]
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the sweep; a second call with the same spec returns the status, another spec is refused.</summary>
    [Alias("Start")]
    Task<SweepStatus> Start(SweepSpec spec);

    /// <summary>The sweep's live state.</summary>
    [Alias("GetStatus")]
    Task<SweepStatus> GetStatus();

    /// <summary>The report (partial while running).</summary>
    [Alias("GetReport")]
    Task<SweepReport> GetReport();

    /// <summary>Cancels every pending and running trial; completed epochs are kept.</summary>
    [Alias("Cancel")]
    Task<SweepStatus> Cancel();

    /// <summary>A worker reports a completed epoch of an attempt.</summary>
    [Alias("ReportEpoch")]
    Task ReportEpoch(int trialId, int attempt, EpochReport epoch);

    /// <summary>A worker reports progress within an epoch (0..1); not persisted.</summary>
    [Alias("ReportProgress")]
    [OneWay]
    Task ReportProgress(int trialId, int attempt, double epochProgress);

    /// <summary>A worker reports how an attempt ended, with the full curve it trained (checkpointed epochs included).</summary>
    [Alias("ReportFinished")]
    Task ReportFinished(int trialId, int attempt, TrialOutcome outcome, string message, ImmutableArray<EpochReport> epochs);
}
