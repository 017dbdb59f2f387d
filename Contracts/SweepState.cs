namespace AslSweep.Contracts;

/// <summary>Where a sweep is in its life.</summary>
[GenerateSerializer]
[Alias("aslsweep.SweepState")]
public enum SweepState
{
    /// <summary>Not started (no spec yet).</summary>
    New = 0,

    /// <summary>Trials are pending or running.</summary>
    Running = 1,

    /// <summary>Every trial reached a final state.</summary>
    Completed = 2,

    /// <summary>Cancelled on request.</summary>
    Cancelled = 3,
}
