using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>The list of submitted sweeps (key 0), persisted.</summary>
[Alias("aslsweep.ISweepIndexGrain")]
public interface ISweepIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records a sweep.</summary>
    [Alias("Add")]
    Task Add(SweepSummary sweep);

    /// <summary>Admits a sweep to run unless <paramref name="maxRunning"/> sweeps run already; true when admitted (or already running).</summary>
    [Alias("TryStartRunning")]
    Task<bool> TryStartRunning(string sweepId, int maxRunning);

    /// <summary>A sweep ended (completed or cancelled): its place is free.</summary>
    [Alias("Finished")]
    Task Finished(string sweepId);

    /// <summary>All sweeps, newest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<SweepSummary>> List();
}
