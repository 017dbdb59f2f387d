using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// How much of a difference the validation set's size alone can make. An accuracy p measured on n images has a
/// binomial standard error of sqrt(p(1-p)/n): about 0.5 pp at 98% on 720 images. Two trials' stable accuracies
/// differ by less than 1.96 times the standard error of their difference, sqrt(se1^2 + se2^2), are not told apart
/// by this set: the difference is within the noise floor (95%). Treating the two as independent is conservative
/// for models scored on the same images, whose errors overlap.
/// </summary>
public static class NoiseFloor
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Binomial standard error of an accuracy measured on <paramref name="images"/> images; NaN when either is unknown.</summary>
    public static double StandardError(double accuracy, int images) =>
        images > 0 && accuracy is >= 0 and <= 1 ? Math.Sqrt(accuracy * (1 - accuracy) / images) : double.NaN;

    /// <summary>Half-width of the 95% interval of the difference between two rows' stable accuracies.</summary>
    public static double HalfWidth(TrialReportRow a, TrialReportRow b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Z95 * Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError));
    }

    /// <summary>
    /// "+0.0028, within the noise floor (95% half-width 0.0076)" or "+0.1183, beyond the noise floor (...)": the
    /// difference of <paramref name="winner"/>'s stable accuracy over <paramref name="other"/>'s, judged.
    /// </summary>
    public static string Compare(TrialReportRow winner, TrialReportRow other)
    {
        ArgumentNullException.ThrowIfNull(winner);
        ArgumentNullException.ThrowIfNull(other);
        double difference = winner.MeanLastK - other.MeanLastK;
        double half = HalfWidth(winner, other);
        if (!double.IsFinite(half))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{difference:+0.0000;-0.0000} (noise floor unknown: the validation set's size was not recorded)");
        }

        string judged = Math.Abs(difference) < half ? "within the noise floor" : "beyond the noise floor";
        return string.Create(CultureInfo.InvariantCulture, $"{difference:+0.0000;-0.0000}, {judged} (95% half-width {half:F4})");
    }
}
