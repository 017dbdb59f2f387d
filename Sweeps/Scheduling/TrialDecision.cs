namespace AslSweep.Sweeps.Scheduling;

/// <summary>A scheduler's decision and why (logged, and kept in the sweep's decisions when it stops a trial).</summary>
/// <param name="Decision">Continue or stop.</param>
/// <param name="Reason">The comparison behind it, with numbers.</param>
public readonly record struct TrialDecision(SchedulerDecision Decision, string Reason)
{
    /// <summary>Continue, nothing to explain.</summary>
    public static TrialDecision Continue { get; } = new(SchedulerDecision.Continue, "");
}
