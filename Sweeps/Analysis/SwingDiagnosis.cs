using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// Where a trial's swing comes from, read from its two views (README, "Both views"). A curve swings in a view when
/// the standard deviation of its last k validation accuracies exceeds <see cref="ConvergenceVerdicts.OscillationStd"/>.
/// <list type="bullet">
/// <item>the moving view swings and the recomputed one does not: the BatchNorm moving averages, which trail the
/// weights; the remedy is to recompute the statistics before the model is used;</item>
/// <item>both swing, each by no more than twice the binomial standard error of one measurement on the validation
/// set: the validation set's size (k independent measurements of a fixed accuracy already spread by about one
/// standard error);</item>
/// <item>both swing by more: the weights themselves.</item>
/// </list>
/// </summary>
public static class SwingDiagnosis
{
    /// <summary>
    /// The diagnosis of a trial from its moving and recomputed statistics and its validation set's size (0 when not
    /// recorded); empty when either view has no judged curve.
    /// </summary>
    public static string Diagnose(ViewStatistics moving, ViewStatistics recomputed, int images)
    {
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(recomputed);
        if (!double.IsFinite(moving.StdLastK) || !double.IsFinite(recomputed.StdLastK) || moving.Verdict == Verdict.Unknown)
        {
            return "";
        }

        bool movingSwings = moving.StdLastK > ConvergenceVerdicts.OscillationStd;
        bool recomputedSwings = recomputed.StdLastK > ConvergenceVerdicts.OscillationStd;
        string stds = Invariant($"std {moving.StdLastK:F4} moving, {recomputed.StdLastK:F4} recomputed");
        if (!movingSwings && !recomputedSwings)
        {
            return $"steady in both views ({stds})";
        }

        if (movingSwings && !recomputedSwings)
        {
            return $"BatchNorm statistics: the moving view swings, the recomputed one is steady ({stds}); recompute BatchNorm statistics before use";
        }

        double noise = Math.Max(NoiseFloor.StandardError(moving.MeanLastK, images), NoiseFloor.StandardError(recomputed.MeanLastK, images));
        if (double.IsFinite(noise) && moving.StdLastK <= 2 * noise && recomputed.StdLastK <= 2 * noise)
        {
            return Invariant($"the validation set's size: both views swing, within twice the binomial standard error {noise:F4} of one measurement on {images} images ({stds})");
        }

        return $"the weights: {(movingSwings ? "both views swing" : "the recomputed view swings")} ({stds})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
