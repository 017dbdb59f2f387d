using System.Collections.Immutable;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// Expected best stable metric of n trials drawn from those a sweep completed, for n = 1..N (Dodge et al. 2019,
/// "Show your work"): with the N values sorted from worst to best, v(1)..v(N), the best of n draws with replacement
/// is v(i) with probability (i/N)^n - ((i-1)/N)^n. The curve says how much a budget of n trials buys, and where
/// more trials stop paying; its spread is the standard deviation of that best.
/// </summary>
public static class ExpectedBest
{
    /// <summary>
    /// The expected best and its standard deviation for n = 1..values.Count; <paramref name="minimize"/> when lower
    /// values are better. Empty for no values.
    /// </summary>
    public static (ImmutableArray<double> Mean, ImmutableArray<double> Std) Of(IReadOnlyCollection<double> values, bool minimize)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Worst first: ascending for a maximised metric, descending for a minimised one.
        double[] sorted = minimize ? [.. values.OrderDescending()] : [.. values.Order()];
        int count = sorted.Length;
        var means = ImmutableArray.CreateBuilder<double>(count);
        var stds = ImmutableArray.CreateBuilder<double>(count);
        for (int n = 1; n <= count; n++)
        {
            double mean = 0;
            double square = 0;
            for (int i = 1; i <= count; i++)
            {
                double p = Math.Pow((double)i / count, n) - Math.Pow((double)(i - 1) / count, n);
                mean += p * sorted[i - 1];
                square += p * sorted[i - 1] * sorted[i - 1];
            }

            means.Add(mean);
            stds.Add(Math.Sqrt(Math.Max(0, square - (mean * mean))));
        }

        return (means.MoveToImmutable(), stds.MoveToImmutable());
    }
}
