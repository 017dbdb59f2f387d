namespace AslSweep.Contracts;

/// <summary>How an attempt ended, as its worker reports it.</summary>
[GenerateSerializer]
[Alias("aslsweep.TrialOutcome")]
public enum TrialOutcome
{
    /// <summary>All epochs trained.</summary>
    Completed = 0,

    /// <summary>The loss became NaN or infinite.</summary>
    Diverged = 1,

    /// <summary>The attempt threw; the coordinator may retry it.</summary>
    Failed = 2,

    /// <summary>Cancelled or stopped on request.</summary>
    Cancelled = 3,

    /// <summary>The worker is shutting down; the trial goes back to the queue and resumes from its checkpoint.</summary>
    Interrupted = 4,
}
