using System.Collections.Immutable;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// Ranks trials by the mean of their last k epochs (not by a lucky peak; trials stopped early after the
/// others), gives each a verdict
/// (<see cref="ConvergenceVerdicts"/>), and for the sweep the effect of each hyperparameter
/// (<see cref="ParameterEffects"/>) and the recommended configuration with its evidence (<see cref="Recommender"/>).
/// </summary>
public static class SweepReportBuilder
{
    /// <summary>Builds the report of <paramref name="status"/>.</summary>
    public static SweepReport Build(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        int k = status.Spec.Metric.LastK;
        var metric = RankingMetric.For(status.Spec.Metric);
        var rows = status.Trials
            .Select(t => (Trial: t, Stats: metric.Statistics(t.Epochs, k)))
            // Stopped trials rank after the others: their statistics come from early epochs.
            .OrderBy(x => x.Stats is null ? 2 : x.Trial.State == TrialState.Stopped ? 1 : 0)
            .ThenByDescending(x => x.Stats is null ? 0 : metric.Score(metric.Stable(x.Stats)))
            .ThenBy(x => x.Trial.TrialId)
            .Select((x, i) => Row(i + 1, x.Trial, x.Stats, k) with { Moving = View(x.Trial, ValidationView.Moving, k), Recomputed = View(x.Trial, ValidationView.Recomputed, k) })
            .Select(r => r with { Diagnosis = SwingDiagnosis.Diagnose(r.Moving, r.Recomputed, r.ValidationImages) })
            .ToList();
        var effects = ParameterEffects.Of(rows, metric);
        int replicates = Math.Max(1, status.Spec.Replicates);
        var configurations = ConfigurationRanking.Of(rows, metric, replicates);
        var (recommended, evidence, comparisons) = replicates > 1
            ? ReplicateRecommender.Recommend(configurations, rows, k, metric)
            : PerTrial(Recommender.Recommend(rows, effects, k, metric));
        if (replicates > 1 && rows.FirstOrDefault(r => r.TrialId == recommended) is { } chosen)
        {
            evidence += Recommender.Changes(chosen, rows, effects);
        }

        // With replicates, what mattered and the expected best are over configurations (each its mean over seeds):
        // counted per trial, the top set would be the luckiest seeds and n "trials" would be fewer configurations.
        var evidenceScores = configurations.IsEmpty
            ? rows.Where(ParameterEffects.IsEvidence).Select(r => (Config: r.Config, Stable: metric.Stable(r))).ToList()
            : configurations.Where(c => c.Complete).Select(c => (c.Config, Stable: c.Stable.Mean)).ToList();
        var importance = PedAnova.Of([.. evidenceScores.Where(e => double.IsFinite(e.Stable))
            .Select(e => ((IReadOnlyDictionary<string, string>)ParameterEffects.Pairs(e.Config), metric.Score(e.Stable)))]);
        var (expected, spread) = ExpectedBest.Of([.. evidenceScores.Select(e => e.Stable).Where(double.IsFinite)], metric.Goal == MetricGoal.Minimize);
        return new SweepReport
        {
            SweepId = status.SweepId,
            Name = status.Name,
            State = status.State,
            LastK = k,
            Rows = [.. rows],
            Synthetic = status.Synthetic,
            Thresholds = FormattableString.Invariant($"ranked by the mean {metric.Spelled} of the last {k} epochs ({Spellings.Goal.Of(metric.Goal)}d) with {metric.SpelledView} BatchNorm statistics; the other view is reported beside it; ") + ConvergenceVerdicts.Describe(k),
            Effects = effects,
            RecommendedTrialId = recommended,
            BaselineTrialId = rows.FirstOrDefault(r => r.IsBaseline)?.TrialId ?? 0,
            Recommendation = evidence,
            Decisions = status.Decisions,
            RankedBy = metric.Spelled,
            View = metric.SpelledView,
            ExpectedBest = expected,
            ExpectedBestStd = spread,
            Replicates = replicates,
            Configurations = configurations,
            Comparisons = comparisons,
            Importance = importance,
        };
    }

    private static TrialReportRow Row(int rank, TrialStatus trial, CurveStatistics? stats, int k) => new()
    {
        Rank = rank,
        TrialId = trial.TrialId,
        Config = trial.Config,
        State = trial.State,
        Epochs = trial.Epochs.Length,
        BestValAccuracy = stats?.Best ?? double.NaN,
        FinalValAccuracy = stats?.Final ?? double.NaN,
        MeanLastK = stats?.MeanLastK ?? double.NaN,
        StdLastK = stats?.StdLastK ?? double.NaN,
        TrainValGap = stats?.Gap ?? double.NaN,
        MeanValLossLastK = stats?.MeanValLossLastK ?? double.NaN,
        Verdict = ConvergenceVerdicts.Judge(trial.State, stats, trial.Epochs.Length, k),
        IsBaseline = trial.IsBaseline,
        BestEpoch = stats?.BestEpoch ?? 0,
        DirectionChanges = stats?.DirectionChanges ?? 0,
        SlopeLastK = stats?.SlopeLastK ?? double.NaN,
        TrainAccuracyLastK = stats?.TrainLastK ?? double.NaN,
        Ending = trial.State is TrialState.Diverged or TrialState.Failed ? trial.Message : null,
        ValidationImages = Images(trial),
        StandardError = NoiseFloor.StandardError(stats?.MeanLastK ?? double.NaN, Images(trial)),
    };

    // Without replicates there are no paired comparisons.
    private static (int TrialId, string Evidence, ImmutableArray<ReplicateComparison> Comparisons) PerTrial((int TrialId, string Evidence) recommendation) =>
        (recommendation.TrialId, recommendation.Evidence, []);

    // A trial's stable accuracy and verdict in one view.
    private static ViewStatistics View(TrialStatus trial, ValidationView view, int k)
    {
        var stats = CurveStatistics.Of(RankingMetric.InView(trial.Epochs, view), k);
        return new ViewStatistics { MeanLastK = stats?.MeanLastK ?? double.NaN, StdLastK = stats?.StdLastK ?? double.NaN, Verdict = ConvergenceVerdicts.Judge(trial.State, stats, trial.Epochs.Length, k) };
    }

    // The validation set's size the trial's last epoch recorded (the same set for every epoch).
    private static int Images(TrialStatus trial) => trial.Epochs.Length > 0 ? trial.Epochs[^1].ValidationImages : 0;

    /// <summary>The name=value pairs in which <paramref name="other"/> differs from <paramref name="baseline"/>.</summary>
    public static IEnumerable<string> Difference(TrialConfig baseline, TrialConfig other)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(other);
        return Hyperparameters.All.Where(p => !p.SameIn(baseline, other)).Select(p => $"{p.Name}={p.Text(other)}");
    }
}
