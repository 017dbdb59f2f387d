using Orleans.Concurrency;

namespace AslSweep.Contracts;

/// <summary>
/// One per sweep (key = sweep id): expands the spec into trials, dispatches them to idle workers, collects every
/// epoch, retries failures and produces the report. Its state survives deactivation. This is the users' side;
/// workers report to the same grain through <see cref="ITrialReportsGrain"/>.
/// </summary>
[Alias("aslsweep.ISweepCoordinatorGrain")]
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the sweep; a second call with the same spec returns the status, another spec is refused.</summary>
    [Alias("Start")]
    Task<SweepStatus> Start(SweepSpec spec);

    /// <summary>The sweep's live state.</summary>
    /// <remarks>
    /// Reads interleave with the reports (they only copy in-memory state, synchronously): behind a queue of workers'
    /// final reports, each awaiting a dispatch, a status call waited 28 s at position 62 and timed out.
    /// </remarks>
    [Alias("GetStatus")]
    [AlwaysInterleave]
    Task<SweepStatus> GetStatus();

    /// <summary>
    /// The status with each trial's latest epoch only (and its epoch count and best value): what a live view polls
    /// every second, a few hundred bytes per trial however long the curves grow.
    /// </summary>
    [Alias("GetSummary")]
    [AlwaysInterleave]
    Task<SweepStatus> GetSummary();

    /// <summary>The report (partial while running).</summary>
    [Alias("GetReport")]
    [AlwaysInterleave]
    Task<SweepReport> GetReport();

    /// <summary>Cancels every pending and running trial; completed epochs are kept.</summary>
    [Alias("Cancel")]
    Task<SweepStatus> Cancel();
}
