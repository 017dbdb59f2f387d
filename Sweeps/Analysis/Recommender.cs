using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// Picks the recommended configuration: among completed, judged trials, the converged one with the best
/// stable metric (by the spec's goal) (any verdict when none converged), and states the evidence: its statistics beside the
/// baseline's, and for each parameter it changed, the grouped means of the trials with its value and with the
/// baseline's.
/// </summary>
public static class Recommender
{
    /// <summary>The recommended trial (0 when none can be judged yet) and the evidence.</summary>
    public static (int TrialId, string Evidence) Recommend(IReadOnlyList<TrialReportRow> rows, ImmutableArray<ParameterEffect> effects, int k, RankingMetric metric)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        var candidates = rows.Where(ParameterEffects.IsEvidence).ToList();
        var pool = candidates.Any(r => r.Verdict == Verdict.Converged) ? candidates.Where(r => r.Verdict == Verdict.Converged) : candidates;
        var best = pool.OrderByDescending(r => metric.Score(metric.Stable(r))).ThenBy(r => r.StdLastK).ThenBy(r => r.TrialId).FirstOrDefault();
        if (best is null)
        {
            return (0, "no completed trial can be judged yet");
        }

        string loss = metric.Name == MetricName.ValLoss ? Invariant($"mean of the last {k} val_loss {best.MeanValLossLastK:F4}, ") : "";
        var text = new StringBuilder(Invariant($"trial {best.TrialId} ({Name(best.Verdict)}): {loss}mean of the last {k} val_accuracy {best.MeanLastK:F4} ± {best.StdLastK:F4}, gap {best.TrainValGap:F4}, slope {best.SlopeLastK:+0.0000;-0.0000}/epoch, {best.DirectionChanges} direction changes"));
        text.Append(Invariant($". Validation set: {Images(best)}; binomial standard error of one measurement {best.StandardError:F4}"));
        var runnerUp = pool.Where(r => r.TrialId != best.TrialId).OrderByDescending(r => metric.Score(metric.Stable(r))).ThenBy(r => r.StdLastK).ThenBy(r => r.TrialId).FirstOrDefault();
        if (runnerUp is not null)
        {
            text.Append(Invariant($". Runner-up trial {runnerUp.TrialId} ({runnerUp.MeanLastK:F4}): difference ")).Append(NoiseFloor.Compare(best, runnerUp));
        }

        var baseline = rows.FirstOrDefault(r => r.IsBaseline);
        if (baseline is null)
        {
            return (best.TrialId, text.Append("; the spec has no baseline trial").ToString());
        }

        if (baseline.TrialId == best.TrialId)
        {
            return (best.TrialId, text.Append("; it is the baseline: no variant did better").ToString());
        }

        if (double.IsNaN(baseline.MeanLastK))
        {
            return (best.TrialId, text.Append(Invariant($"; the baseline (trial {baseline.TrialId}) has no judged curve")).ToString());
        }

        string stdRatio = baseline.StdLastK > 0 ? Invariant($"{best.StdLastK / baseline.StdLastK:F2}x the baseline's") : "n/a";
        text.Append(Invariant($". Baseline (trial {baseline.TrialId}, {Name(baseline.Verdict)}): {baseline.MeanLastK:F4} ± {baseline.StdLastK:F4}, gap {baseline.TrainValGap:F4}; difference ")).Append(NoiseFloor.Compare(best, baseline)).Append(Invariant($" in the mean, deviation {stdRatio}"));
        return (best.TrialId, text.Append(Changes(best, rows, effects)).ToString());
    }

    /// <summary>
    /// ". Changed from the baseline: augment=1 (trials with it ... n=4; with 0 ...)": each parameter in which
    /// <paramref name="best"/> differs from the baseline row (the seed aside), with the grouped means of both
    /// values; empty without a baseline or a change.
    /// </summary>
    public static string Changes(TrialReportRow best, IReadOnlyList<TrialReportRow> rows, ImmutableArray<ParameterEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(rows);
        var baseline = rows.FirstOrDefault(r => r.IsBaseline);
        if (baseline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        var own = ParameterEffects.Pairs(best.Config);
        var reference = ParameterEffects.Pairs(baseline.Config);
        var changed = own.Where(p => p.Key != "seed" && reference[p.Key] != p.Value).ToList();
        if (changed.Count > 0)
        {
            text.Append(". Changed from the baseline:");
            foreach (var (parameter, value) in changed)
            {
                text.Append(Invariant($" {parameter}={value}"));
                var with = effects.FirstOrDefault(e => e.Parameter == parameter && e.Value == value);
                var without = effects.FirstOrDefault(e => e.Parameter == parameter && e.Value == reference[parameter]);
                if (with is not null && without is not null)
                {
                    text.Append(Invariant($" (trials with it {with.MeanStable:F4} ± {with.MeanStd:F4}, n={with.Trials}; with {reference[parameter]} {without.MeanStable:F4} ± {without.MeanStd:F4}, n={without.Trials})"));
                }
            }
        }

        return text.ToString();
    }

    private static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string Images(TrialReportRow row) => row.ValidationImages > 0 ? Invariant($"{row.ValidationImages} images") : "size not recorded";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
