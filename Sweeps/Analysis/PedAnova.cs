using System.Collections.Immutable;
using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// Per-hyperparameter importance by PED-ANOVA: S. Watanabe, A. Bansal, F. Hutter, "PED-ANOVA: Efficiently
/// Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023 (arXiv:2304.10255), following Optuna's
/// <c>PedAnovaImportanceEvaluator</c> with the whole sweep as the reference region (region quantile 1).
/// </summary>
/// <remarks>
/// <para>
/// The trials with a finite score are ranked best (highest score) first; the top set is the first
/// max(ceil(targetQuantile · n), minTopTrials) of them. The ranking is a stable sort, so among equal scores the
/// trial given earlier counts as better, and the top set has exactly that size (Optuna keeps every trial tied at
/// the cut instead).
/// </para>
/// <para>
/// For each parameter, over the m trials that set it, two distributions of its value are estimated, one from the
/// top trials among them (p_top) and one from all m (p_all), and the row's <see cref="ParameterImportance.Divergence"/>
/// is the Pearson divergence D = Σ_x p_all(x) (p_top(x) / p_all(x) − 1)² = Σ_x (p_top(x) − p_all(x))² / p_all(x):
/// 0 when the top trials' values are spread as all the trials' are, large when they concentrate where few trials
/// are. The paper's importance of the parameter is (γ'/γ)² D; with every trial setting it the factor is common to
/// every parameter and cancels in the normalisation. A parameter that t of the k top trials and m of the n trials
/// set is weighted by α²/β · D, α = t/k, β = m/n, as Optuna weights a conditional parameter's active regime (1 when
/// every trial sets it). <see cref="ParameterImportance.Importance"/> is that weight over the sum of all rows'.
/// </para>
/// <para>
/// Numeric parameter (every value a finite invariant-culture number, at least 4 distinct): p is a 1-D Gaussian Parzen
/// estimator, one kernel per trial (weight 1) plus Optuna's prior kernel (weight <see cref="PriorWeight"/>, centred on
/// the middle of the observed range, standard deviation the range). The bandwidth is Scott's rule as Optuna's
/// PED-ANOVA uses it, h = 1.059 · min(s, IQR / 1.34) · N^(−1/5) over the N values the estimator is fitted to (s the
/// sample standard deviation, IQR by linearly interpolated quartiles), floored at Optuna's minimum of 0.5/1.64 of
/// one step of a 50-point grid over the observed range. Values are taken on a log scale when all are positive and
/// max/min ≥ 100 (learning rates). D is summed over a uniform grid of <see cref="GridPoints"/> points spanning the
/// observed range, every kernel truncated to the range and normalised on the grid: Optuna truncates its kernels to
/// the search space, and the observed range stands in for it because the trials do not carry it. The range is not
/// padded: beyond it the top trials' wider kernels and heavier prior meet all the trials' thin tails, and that
/// region, where no trial is, would dominate the divergence of a parameter that does not matter.
/// </para>
/// <para>
/// Otherwise categorical, over the K distinct texts of the m trials: p(c) = (count(c) + w/K) / (N + w), the empirical
/// frequency among the N trials mixed with a uniform prior of weight w = <see cref="PriorWeight"/>, Optuna's prior
/// weight (Optuna also smooths each observation's own kernel towards uniform; here only the prior does). D is the sum
/// over the K categories. A filter list such as "75,50,25" is one category.
/// </para>
/// <para>
/// Only parameters with at least two distinct values get a row, never "seed" (seeds are noise, not a
/// hyperparameter). Fewer than max(minTopTrials, 3) finite trials give no rows. Rows are ordered by importance,
/// highest first, then by name (ordinal).
/// </para>
/// </remarks>
public static class PedAnova
{
    /// <summary>Weight of the prior in every estimator, in trials (Optuna's <c>prior_weight</c>).</summary>
    public const double PriorWeight = 1.0;

    /// <summary>Points of the grid a numeric parameter's divergence is summed over.</summary>
    public const int GridPoints = 1024;

    // Optuna's floor on a bandwidth: ±1.64 sd (90% of a kernel) spans one step of a 50-point grid over the range.
    private const double MinimumBandwidthOfRange = 0.5 / 1.64 / 49;

    private const int MinimumNumericValues = 4;

    /// <summary>
    /// The importance of every varying hyperparameter of <paramref name="trials"/> (name → canonical text, score
    /// higher-is-better) for reaching their top <paramref name="targetQuantile"/>; see the type's remarks.
    /// </summary>
    /// <param name="trials">Each trial's hyperparameters and score; a minimised metric is negated by the caller.</param>
    /// <param name="targetQuantile">The share of the trials that forms the top set, in (0, 1] (the paper's γ').</param>
    /// <param name="minTopTrials">The least number of top trials, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A quantile outside (0, 1], or fewer than 1 top trial.</exception>
    /// <exception cref="ArgumentException">A trial without its values.</exception>
    public static ImmutableArray<ParameterImportance> Of(
        IReadOnlyList<(IReadOnlyDictionary<string, string> Values, double Score)> trials,
        double targetQuantile = 0.1,
        int minTopTrials = 2)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (!(targetQuantile > 0 && targetQuantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetQuantile), targetQuantile, "The target quantile must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minTopTrials, 1);
        if (trials.Any(t => t.Values is null))
        {
            throw new ArgumentException("Every trial needs its values.", nameof(trials));
        }

        var scored = trials.Where(t => double.IsFinite(t.Score)).ToList();
        int n = scored.Count;
        if (n < Math.Max(minTopTrials, 3))
        {
            return [];
        }

        int k = Math.Min(n, Math.Max((int)Math.Ceiling(targetQuantile * n), minTopTrials));
        var isTop = new bool[n];
        // OrderByDescending is stable: of equal scores, the trial given first is ranked first.
        foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => scored[i].Score).Take(k))
        {
            isTop[i] = true;
        }

        var rows = new List<(ParameterImportance Row, double Weight)>();
        var names = scored.SelectMany(t => t.Values.Keys).Where(p => p != "seed").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string parameter in names)
        {
            var all = new List<string>();
            var top = new List<string>();
            for (int i = 0; i < n; i++)
            {
                if (scored[i].Values.TryGetValue(parameter, out string? value))
                {
                    all.Add(value);
                    if (isTop[i])
                    {
                        top.Add(value);
                    }
                }
            }

            if (all.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            double divergence = top.Count == 0 ? 0 : Divergence(top, all);
            double alpha = (double)top.Count / k;
            double beta = (double)all.Count / n;
            rows.Add((new ParameterImportance { Parameter = parameter, Divergence = divergence, Trials = all.Count, TopTrials = top.Count }, alpha * alpha / beta * divergence));
        }

        double total = rows.Sum(r => r.Weight);
        return [.. rows
            .Select(r => r.Row with { Importance = total > 0 ? r.Weight / total : 0 })
            .OrderByDescending(r => r.Importance)
            .ThenBy(r => r.Parameter, StringComparer.Ordinal)];
    }

    /// <summary>The Pearson divergence of <paramref name="top"/>'s distribution from <paramref name="all"/>'s.</summary>
    private static double Divergence(List<string> top, List<string> all)
    {
        double[] numbers = [.. all.Select(Number)];
        return numbers.All(double.IsFinite) && numbers.Distinct().Count() >= MinimumNumericValues
            ? NumericDivergence([.. top.Select(Number)], numbers)
            : CategoricalDivergence(top, all);
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

    private static double CategoricalDivergence(List<string> top, List<string> all)
    {
        var categories = all.Distinct(StringComparer.Ordinal).ToList();
        double divergence = 0;
        foreach (string category in categories)
        {
            double pTop = Frequency(top, category, categories.Count);
            double pAll = Frequency(all, category, categories.Count);
            divergence += (pTop - pAll) * (pTop - pAll) / pAll;
        }

        return divergence;
    }

    private static double Frequency(List<string> values, string category, int categories) =>
        (values.Count(v => string.Equals(v, category, StringComparison.Ordinal)) + (PriorWeight / categories)) / (values.Count + PriorWeight);

    private static double NumericDivergence(double[] top, double[] all)
    {
        double min = all.Min();
        double max = all.Max();
        if (min > 0 && max / min >= 100)
        {
            top = [.. top.Select(v => Math.Log(v))];
            all = [.. all.Select(v => Math.Log(v))];
            (min, max) = (Math.Log(min), Math.Log(max));
        }

        double range = max - min;
        double floor = range * MinimumBandwidthOfRange;
        double[] grid = [.. Enumerable.Range(0, GridPoints).Select(i => min + (range * i / (GridPoints - 1)))];
        double[] pTop = Parzen(top, Scott(top, floor), min + (range / 2), range, grid);
        double[] pAll = Parzen(all, Scott(all, floor), min + (range / 2), range, grid);
        double divergence = 0;
        for (int i = 0; i < GridPoints; i++)
        {
            divergence += (pTop[i] - pAll[i]) * (pTop[i] - pAll[i]) / pAll[i];
        }

        return divergence;
    }

    /// <summary>
    /// The Parzen mixture as probabilities of the grid's points: a kernel of weight 1 per value and the prior, of
    /// weight <see cref="PriorWeight"/> at <paramref name="priorMean"/>, each truncated to the grid and normalised there.
    /// </summary>
    private static double[] Parzen(double[] values, double bandwidth, double priorMean, double priorSd, double[] grid)
    {
        var density = new double[grid.Length];
        double total = values.Length + PriorWeight;
        AddKernel(density, grid, priorMean, priorSd, PriorWeight / total);
        foreach (double v in values)
        {
            AddKernel(density, grid, v, bandwidth, 1 / total);
        }

        return density;
    }

    // Normalising each kernel on the grid, not the mixture, keeps a value at the edge of the range from losing
    // the half of its kernel that falls outside, as Optuna's truncated kernels do.
    private static void AddKernel(double[] density, double[] grid, double mean, double sd, double weight)
    {
        double[] kernel = [.. grid.Select(x => Math.Exp(-0.5 * ((x - mean) / sd) * ((x - mean) / sd)))];
        double sum = kernel.Sum();
        for (int i = 0; i < grid.Length; i++)
        {
            density[i] += weight * kernel[i] / sum;
        }
    }

    /// <summary>Scott's rule as in Optuna's PED-ANOVA, floored; one value gets the floor.</summary>
    private static double Scott(double[] values, double floor)
    {
        int count = values.Length;
        if (count < 2)
        {
            return floor;
        }

        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (count - 1));
        double[] sorted = [.. values.Order()];
        double iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        return Math.Max(1.059 * Math.Min(sd, iqr / 1.34) * Math.Pow(count, -0.2), floor);
    }

    /// <summary>The q-quantile of sorted values, interpolated linearly between order statistics.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
