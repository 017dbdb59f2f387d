namespace AslSweep.Sweeps.Scheduling;

/// <summary>What a scheduler says about a trial after one of its results (Ray Tune's CONTINUE / STOP).</summary>
public enum SchedulerDecision
{
    /// <summary>Keep training.</summary>
    Continue,

    /// <summary>Stop now: the trial is hopeless compared with the others.</summary>
    Stop,
}
