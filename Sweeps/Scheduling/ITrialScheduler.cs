namespace AslSweep.Sweeps.Scheduling;

/// <summary>
/// Decides, result by result, whether a trial continues. It only returns decisions (it never starts or stops
/// anything itself), and its decisions depend only on the sequence of results it was given, so a coordinator
/// rebuilds it after a reactivation by replaying them.
/// </summary>
public interface ITrialScheduler
{
    /// <summary>
    /// The trial's selection metric after <paramref name="epoch"/> (higher is better: the caller negates a metric
    /// to minimise). Each (trial, epoch) is given once, epochs of a trial in increasing order.
    /// </summary>
    TrialDecision OnResult(int trialId, int epoch, double value);
}
