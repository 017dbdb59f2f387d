using System.Collections.Immutable;
using Orleans.Concurrency;

namespace AslSweep.Contracts;

/// <summary>
/// The workers' side of a sweep (key = sweep id, the same grain as <see cref="ISweepCoordinatorGrain"/>): how a
/// running attempt reports its epochs, its progress and its end. Clients never call it.
/// </summary>
[Alias("aslsweep.ITrialReportsGrain")]
public interface ITrialReportsGrain : IGrainWithStringKey
{
    /// <summary>
    /// A worker reports completed epochs of an attempt: every epoch it has not had acknowledged, in order, so a
    /// report lost on the way is carried by the next one (a gap would hold the scheduler until the trial ended).
    /// </summary>
    [Alias("ReportEpochs")]
    Task ReportEpochs(int trialId, int attempt, ImmutableArray<EpochReport> epochs);

    /// <summary>A worker reports progress within an epoch (0..1); not persisted.</summary>
    [Alias("ReportProgress")]
    [OneWay]
    Task ReportProgress(int trialId, int attempt, double epochProgress);

    /// <summary>A worker reports how an attempt ended, with the full curve it trained (checkpointed epochs included).</summary>
    [Alias("ReportFinished")]
    Task ReportFinished(int trialId, int attempt, TrialOutcome outcome, string message, ImmutableArray<EpochReport> epochs);
}
