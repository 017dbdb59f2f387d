namespace AslSweep.Contracts;

/// <summary>Where a trial is in its life.</summary>
[GenerateSerializer]
[Alias("aslsweep.TrialState")]
public enum TrialState
{
    /// <summary>Waiting for a worker.</summary>
    Pending = 0,

    /// <summary>Training on a worker.</summary>
    Running = 1,

    /// <summary>Trained all its epochs (or stopped early by its own early stopping).</summary>
    Completed = 2,

    /// <summary>Threw on every allowed attempt.</summary>
    Failed = 3,

    /// <summary>Its loss became NaN or infinite.</summary>
    Diverged = 4,

    /// <summary>Stopped by the sweep's scheduler; its curve is kept.</summary>
    Stopped = 5,

    /// <summary>Cancelled with its sweep.</summary>
    Cancelled = 6,
}
