namespace AslSweep.Contracts;

/// <summary>Which early-stopping scheduler a sweep uses (spelled by <see cref="Spellings.Scheduler"/>).</summary>
public enum SchedulerType
{
    /// <summary>No early stopping: every trial runs to its end.</summary>
    Fifo,

    /// <summary>Asynchronous successive halving (Ray Tune's AsyncHyperBandScheduler).</summary>
    Asha,

    /// <summary>The median stopping rule (Vizier).</summary>
    Median,
}
