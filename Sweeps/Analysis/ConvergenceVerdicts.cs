using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The verdict of a curve, decided in this order: diverged (NaN/inf loss; only on a backend that passed its numerics
/// probe, else the worker reports a failed attempt), unknown (fewer than k epochs, or
/// stopped early by the scheduler: a curve cut at a rung says nothing about where it would have settled),
/// underfitting (mean training accuracy of the last k epochs below <see cref="UnderfitTrainAccuracy"/>),
/// oscillating (standard deviation of the last k validation accuracies above <see cref="OscillationStd"/>),
/// overfitting (mean training minus validation accuracy of the last k epochs above <see cref="OverfitGap"/>),
/// otherwise converged.
/// </summary>
public static class ConvergenceVerdicts
{
    /// <summary>Standard deviation of the last k validation accuracies above which a curve oscillates.</summary>
    public const double OscillationStd = 0.015;

    /// <summary>Train-validation accuracy gap above which a trial overfits.</summary>
    public const double OverfitGap = 0.05;

    /// <summary>Mean training accuracy of the last k epochs below which a model underfits.</summary>
    public const double UnderfitTrainAccuracy = 0.90;

    /// <summary>The rules with their thresholds, as printed in reports.</summary>
    public static string Describe(int k) => FormattableString.Invariant(
        $"diverged: NaN/inf loss on a CPU backend that passed its numerics probe (on one that failed it, the attempt fails and is retried instead); unknown: fewer than {k} epochs or stopped early; underfitting: mean train accuracy of the last {k} epochs < {UnderfitTrainAccuracy}; oscillating: std of the last {k} val_accuracy > {OscillationStd}; overfitting: mean train - val accuracy over the last {k} epochs > {OverfitGap}; converged: none of these");

    /// <summary>The verdict of a curve.</summary>
    public static Verdict Judge(TrialState state, CurveStatistics? stats, int epochs, int k)
    {
        if (state == TrialState.Diverged || stats?.NonFiniteLoss == true)
        {
            return Verdict.Diverged;
        }

        if (stats is null || epochs < k || state == TrialState.Stopped)
        {
            return Verdict.Unknown;
        }

        if (stats.TrainLastK < UnderfitTrainAccuracy)
        {
            return Verdict.Underfitting;
        }

        if (stats.StdLastK > OscillationStd)
        {
            return Verdict.Oscillating;
        }

        return stats.Gap > OverfitGap ? Verdict.Overfitting : Verdict.Converged;
    }
}
