namespace AslSweep.Sweeps.Scheduling;

/// <summary>Every trial runs to its full epochs.</summary>
public sealed class FifoScheduler : ITrialScheduler
{
    /// <inheritdoc />
    public TrialDecision OnResult(int trialId, int epoch, double value) => TrialDecision.Continue;
}
