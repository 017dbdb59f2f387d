namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The statistics of replicates (the same configuration trained from several seeds), as Bouthillier et al. (2021,
/// "Accounting for variance in machine learning benchmarks") recommend for comparing two configurations: a
/// percentile bootstrap interval of a mean, a paired sign-flip (permutation) test of per-seed differences, and the
/// probability of improvement. Everything is seeded: the same numbers give the same interval on every machine.
/// </summary>
public static class ReplicateStatistics
{
    /// <summary>Bootstrap resamples: the interval's ends move by well under 0.001 between seeds at this count.</summary>
    public const int Resamples = 10_000;

    /// <summary>Above this many pairs the sign-flip test samples sign patterns instead of enumerating all 2^n.</summary>
    public const int ExactSignFlipLimit = 20;

    private const int BootstrapSeed = 20_211_130;

    /// <summary>
    /// The 95% percentile bootstrap interval of the mean of <paramref name="values"/>: the 2.5th and 97.5th
    /// percentiles of the means of <see cref="Resamples"/> resamples drawn with replacement; (NaN, NaN) for fewer than
    /// two values (one value says nothing of its spread). With two values it is their range: a resample mean is one of
    /// them a quarter of the time each. With few values it covers the true mean less often than 95% (about half the
    /// time with two): it shows how far they agree.
    /// </summary>
    public static (double Low, double High) BootstrapInterval(IReadOnlyList<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNotEqual(level is > 0 and < 1, true, nameof(level));
        int n = values.Count;
        if (n < 2)
        {
            return (double.NaN, double.NaN);
        }

        var random = new Random(BootstrapSeed);
        var means = new double[Resamples];
        for (int b = 0; b < Resamples; b++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        double tail = (1 - level) / 2;
        return (Percentile(means, tail), Percentile(means, 1 - tail));
    }

    /// <summary>
    /// Two-sided p-value of the paired sign-flip test that the mean of <paramref name="differences"/> is zero: under
    /// the null each difference is as likely positive as negative, so the p-value is the share of the 2^n sign
    /// patterns whose mean is at least as far from zero as the observed one (exact up to
    /// <see cref="ExactSignFlipLimit"/> pairs, else over 100,000 seeded random patterns). 1 for no differences.
    /// </summary>
    public static double SignFlipPValue(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        int n = differences.Count;
        if (n == 0)
        {
            return 1;
        }

        double observed = Math.Abs(differences.Sum());
        // Sums that equal the observed one up to rounding count as "as extreme".
        double tolerance = 1e-12 * Math.Max(1, differences.Sum(Math.Abs));
        if (n <= ExactSignFlipLimit)
        {
            long extreme = 0;
            long patterns = 1L << n;
            for (long pattern = 0; pattern < patterns; pattern++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += (pattern >> i & 1) == 0 ? differences[i] : -differences[i];
                }

                extreme += Math.Abs(sum) >= observed - tolerance ? 1 : 0;
            }

            return (double)extreme / patterns;
        }

        const int draws = 100_000;
        var random = new Random(BootstrapSeed);
        int count = 0;
        for (int d = 0; d < draws; d++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += random.Next(2) == 0 ? differences[i] : -differences[i];
            }

            count += Math.Abs(sum) >= observed - tolerance ? 1 : 0;
        }

        // The observed pattern counts as one of the draws, so the p-value is never 0 (Phipson and Smyth 2010).
        return (count + 1.0) / (draws + 1.0);
    }

    /// <summary>
    /// The smallest two-sided p-value the sign-flip test can give for <paramref name="pairs"/> pairs with no zero
    /// difference: 2/2^n (the observed pattern and its mirror). With 2 seeds it is 0.5, with 5 it is 0.0625: fewer
    /// than 6 seeds can never reach p &lt; 0.05, whatever the differences.
    /// </summary>
    public static double SmallestPValue(int pairs) => pairs < 1 ? 1 : Math.Min(1, 2 / Math.Pow(2, pairs));

    /// <summary>
    /// The smallest p-value the sign-flip test can give for these <paramref name="differences"/>: a zero difference
    /// (a tie, common for accuracies on a small set) is the same under either sign, so only the others count:
    /// 2/2^(nonzero).
    /// </summary>
    public static double SmallestPValue(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        double tolerance = 1e-12 * Math.Max(1, differences.Sum(Math.Abs));
        return SmallestPValue(differences.Count(d => Math.Abs(d) > tolerance));
    }

    /// <summary>
    /// The probability of improvement: the share of paired seeds on which the first configuration did better
    /// (a positive difference; ties count half), Bouthillier et al.'s P(A &gt; B). NaN for no pairs.
    /// </summary>
    public static double ProbabilityOfImprovement(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        return differences.Count == 0 ? double.NaN : differences.Average(d => d > 0 ? 1.0 : d == 0 ? 0.5 : 0.0);
    }

    // Linear interpolation between order statistics (numpy's default).
    private static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
