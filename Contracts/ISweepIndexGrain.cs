using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>The list of submitted sweeps (key 0), persisted.</summary>
[Alias("aslsweep.ISweepIndexGrain")]
public interface ISweepIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records a sweep.</summary>
    [Alias("Add")]
    Task Add(SweepSummary sweep);

    /// <summary>All sweeps, newest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<SweepSummary>> List();
}
