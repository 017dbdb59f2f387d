using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The recommendation of a sweep with replicates: among complete configurations (every replicate completed and
/// judged), preferring those whose every replicate converged, the one with the best mean stable metric; compared
/// with the runner-up and with the baseline by the per-seed differences of their stable metric
/// (<see cref="ReplicateStatistics"/>), and said plainly when the two are not told apart. The recommended trial is
/// the configuration's first replicate (its own seed), not the luckiest seed.
/// </summary>
public static class ReplicateRecommender
{
    /// <summary>The p-value under which a difference counts as told apart.</summary>
    public const double Alpha = 0.05;

    /// <summary>The recommended trial (0 when no configuration can be judged yet), the evidence and the comparisons.</summary>
    public static (int TrialId, string Evidence, ImmutableArray<ReplicateComparison> Comparisons) Recommend(
        IReadOnlyList<ConfigurationRow> configurations, IReadOnlyList<TrialReportRow> rows, int k, RankingMetric metric)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        var complete = configurations.Where(c => c.Complete).ToList();
        var pool = complete.Any(AllConverged) ? complete.Where(AllConverged).ToList() : complete;
        // Configurations come ranked: the first of the pool is the best.
        var best = pool.FirstOrDefault();
        if (best is null)
        {
            return (0, "no configuration has every replicate completed and judged yet", []);
        }

        var byId = rows.ToDictionary(r => r.TrialId);
        int images = best.TrialIds.Select(id => byId[id].ValidationImages).FirstOrDefault(n => n > 0);
        var text = new StringBuilder(Invariant($"configuration of trial {best.TrialIds[0]} (trials {Ids(best)}; seeds {string.Join(", ", best.Seeds)}), {best.Converged} of {best.Judged} replicates converged: "));
        text.Append(Invariant($"mean over {best.Judged} seeds of the mean of the last {k} {metric.Spelled} ({metric.SpelledView}) {Interval(best.Stable)}"));
        text.Append(Invariant($"; val_accuracy with recomputed statistics {Interval(best.Recomputed)}, with the moving averages (the notebook's measurement) {Interval(best.Moving)}"));
        text.Append(images > 0
            ? Invariant($". Validation set: {images} images; binomial standard error of one measurement {NoiseFloor.StandardError(best.Recomputed.Mean, images):F4}")
            : ". Validation set: size not recorded");
        var comparisons = ImmutableArray.CreateBuilder<ReplicateComparison>();
        var runnerUp = pool.Skip(1).FirstOrDefault();
        if (runnerUp is not null)
        {
            comparisons.Add(Compare(best, runnerUp, "runner-up", byId, metric, images));
        }

        var baseline = configurations.FirstOrDefault(c => c.IsBaseline);
        if (baseline is null)
        {
            text.Append("; the spec has no baseline configuration");
        }
        else if (baseline.TrialIds[0] == best.TrialIds[0])
        {
            text.Append("; it is the baseline: no variant did better");
        }
        else if (baseline.Judged == 0)
        {
            text.Append(Invariant($"; the baseline (trials {Ids(baseline)}) has no judged replicate"));
        }
        else
        {
            comparisons.Add(Compare(best, baseline, "baseline", byId, metric, images));
        }

        foreach (var comparison in comparisons)
        {
            text.Append(". ").Append(comparison.Text);
        }

        if (comparisons.Count > 0 && configurations.Count > 2)
        {
            // The winner was picked as the best of several on these same seeds: its lead is measured where it looked best.
            text.Append(Invariant($". These comparisons follow the choice of the best of {configurations.Count} configurations on the same seeds, so they favour it; new seeds would confirm it"));
        }

        return (best.TrialIds[0], text.ToString(), comparisons.ToImmutable());
    }

    /// <summary>
    /// <paramref name="winner"/> against <paramref name="other"/>, paired by seed over the seeds both completed with a
    /// judged curve; the difference is signed so that positive means the winner is better whatever the goal.
    /// </summary>
    public static ReplicateComparison Compare(ConfigurationRow winner, ConfigurationRow other, string against, IReadOnlyDictionary<int, TrialReportRow> rows, RankingMetric metric, int images)
    {
        ArgumentNullException.ThrowIfNull(winner);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        var mine = Judged(winner, rows);
        var theirs = Judged(other, rows);
        double[] differences = [.. mine.Keys.Where(theirs.ContainsKey).Order().Select(seed => metric.Score(metric.Stable(mine[seed])) - metric.Score(metric.Stable(theirs[seed])))];
        var difference = ConfigurationRanking.Estimate(differences);
        double p = ReplicateStatistics.SignFlipPValue(differences);
        double smallest = ReplicateStatistics.SmallestPValue(differences);
        double poi = ReplicateStatistics.ProbabilityOfImprovement(differences);
        // The validation set's own noise, for an accuracy: one measurement's binomial error on each side.
        double floor = metric.Name == MetricName.ValAccuracy
            ? NoiseFloor.Z95 * Math.Sqrt(Square(NoiseFloor.StandardError(winner.Stable.Mean, images)) + Square(NoiseFloor.StandardError(other.Stable.Mean, images)))
            : double.NaN;
        var reasons = new List<string>();
        bool tooFewSeeds = false;
        if (differences.Length < 2)
        {
            reasons.Add(differences.Length == 0 ? "no seed was completed by both" : "only one seed was completed by both: no interval");
        }
        else
        {
            if (difference.High < 0)
            {
                reasons.Add(Invariant($"the interval is below 0: the {against} did better on these seeds"));
            }
            else if (!(difference.Low > 0))
            {
                reasons.Add("the interval includes 0");
            }

            if (double.IsFinite(floor) && Math.Abs(difference.Mean) < floor)
            {
                reasons.Add(Invariant($"the difference is within the validation set's noise floor (95% half-width {floor:F4})"));
            }

            if (!(p < Alpha))
            {
                // Seeds that cannot reach p < 0.05 whatever they show: that alone is a lack of seeds, not of a difference.
                tooFewSeeds = smallest >= Alpha && reasons.Count == 0;
                reasons.Add(smallest >= Alpha
                    ? Invariant($"with {differences.Length} seeds{Ties(differences, smallest)} the smallest p-value the sign-flip test can give is {smallest:0.###}: at least 6 seeds with a non-zero difference are needed to reach p < {Alpha}")
                    : Invariant($"p >= {Alpha}"));
            }
        }

        var outcome = reasons.Count == 0 ? ComparisonVerdict.ToldApart : tooFewSeeds ? ComparisonVerdict.TooFewSeeds : ComparisonVerdict.NotToldApart;
        string beyond = double.IsFinite(floor) ? "the interval excludes 0 and the difference is beyond the noise floor" : "the interval excludes 0";
        string verdict = outcome switch
        {
            ComparisonVerdict.ToldApart => "told apart",
            ComparisonVerdict.TooFewSeeds => Invariant($"{beyond}, but it is not yet told apart: {reasons[0]}"),
            _ => "not told apart: " + string.Join("; ", reasons),
        };
        return new ReplicateComparison
        {
            Against = against,
            OtherTrialId = other.TrialIds[0],
            Pairs = differences.Length,
            Difference = difference,
            PValue = p,
            SmallestPValue = smallest,
            ProbabilityOfImprovement = poi,
            Verdict = outcome,
            NoiseFloor = floor,
            Text = Invariant($"Against the {against} (trials {Ids(other)}, {Interval(other.Stable)}): paired difference {Signed(difference.Mean)} [{Signed(difference.Low)}, {Signed(difference.High)}] over {differences.Length} seeds, sign-flip p = {p:0.####}, probability of improvement {poi:0.##}; {verdict}"),
        };
    }

    // ", of which 1 tie," when zero differences raise the smallest p-value.
    private static string Ties(IReadOnlyList<double> differences, double smallest) =>
        smallest > ReplicateStatistics.SmallestPValue(differences.Count) ? Invariant($" ({differences.Count - (int)Math.Round(1 + Math.Log2(1 / smallest))} tied)") : "";

    private static bool AllConverged(ConfigurationRow row) => row.Judged > 0 && row.Converged == row.Judged;

    // A configuration's judged replicates by seed.
    private static Dictionary<int, TrialReportRow> Judged(ConfigurationRow configuration, IReadOnlyDictionary<int, TrialReportRow> rows) =>
        configuration.TrialIds.Select(id => rows[id]).Where(ParameterEffects.IsEvidence).ToDictionary(r => r.Config.Seed);

    private static string Ids(ConfigurationRow row) => string.Join(", ", row.TrialIds);

    private static string Interval(IntervalEstimate estimate) => Invariant($"{estimate.Mean:F4} [{estimate.Low:F4}, {estimate.High:F4}]");

    private static string Signed(double value) => value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    private static double Square(double value) => value * value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
