using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

public sealed class SweepReportBuilderTests
{
    private static ImmutableArray<EpochReport> Curve(double[] val, double train = 0.99) =>
        [.. val.Select((v, i) => new EpochReport { Epoch = i + 1, ValAccuracy = v, TrainAccuracy = train, ValLoss = 1 - v })];

    private static TrialStatus Trial(int id, double[] val, double train = 0.99, TrialState state = TrialState.Completed, bool baseline = false) =>
        new() { TrialId = id, State = state, Epochs = Curve(val, train), IsBaseline = baseline, Config = new TrialConfig { Seed = id } };

    private static SweepReport Report(params TrialStatus[] trials) => SweepReportBuilder.Build(new SweepStatus
    {
        SweepId = "s",
        State = SweepState.Completed,
        Spec = new SweepSpec { Metric = new MetricSpec { LastK = 5 } },
        Trials = [.. trials],
    });

    [Fact]
    public void Build_valLossMinimized_ranksAndRecommendsTheLowestLossNotTheHighestAccuracy()
    {
        // Issue 17: the recommendation took the highest accuracy whatever the metric. Here accuracy and loss disagree.
        static TrialStatus Lossy(int id, double accuracy, double loss) => new()
        {
            TrialId = id,
            State = TrialState.Completed,
            Config = new TrialConfig { Seed = id },
            Epochs = [.. Enumerable.Range(1, 5).Select(e => new EpochReport { Epoch = e, ValAccuracy = accuracy, TrainAccuracy = accuracy, ValLoss = loss })],
        };
        var status = new SweepStatus
        {
            SweepId = "s",
            State = SweepState.Completed,
            Spec = new SweepSpec { Metric = new MetricSpec { Name = MetricName.ValLoss, LastK = 5 } },
            Trials = [Lossy(1, 0.97, 0.30), Lossy(2, 0.96, 0.10), Lossy(3, 0.98, 0.50)],
        };

        var report = SweepReportBuilder.Build(status);

        Assert.Equal([2, 1, 3], report.Rows.Select(r => r.TrialId));
        Assert.Equal(2, report.RecommendedTrialId);
        Assert.StartsWith("ranked by the mean val_loss of the last 5 epochs (minimized)", report.Thresholds, StringComparison.Ordinal);
        Assert.Contains("mean of the last 5 val_loss 0.1000", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_valLossStoredWithTheOldDefaultMaximize_readsAsMinimize()
    {
        // A spec stored before goals were honoured carries goal maximize with val_loss (then the default).
        var stored = new MetricSpec { Name = MetricName.ValLoss, Goal = MetricGoal.Maximize };

        Assert.Equal(MetricGoal.Minimize, stored.Goal);
    }

    [Fact]
    public void Build_notebookLikeCurve_rankedBelowSteadyOneDespiteLuckyPeak()
    {
        // The notebook: a 0.9626 peak, then swings; a steady trial never peaks as high.
        var notebook = Trial(1, [0.80, 0.9626, 0.78, 0.91, 0.85, 0.96, 0.82, 0.94], train: 0.9997, baseline: true);
        var steady = Trial(2, [0.80, 0.90, 0.93, 0.935, 0.94, 0.94, 0.945, 0.94], train: 0.96);

        var report = Report(notebook, steady);

        Assert.Equal([2, 1], report.Rows.Select(r => r.TrialId).ToArray());
        Assert.Equal(Verdict.Oscillating, report.Rows[1].Verdict);
        Assert.Equal(Verdict.Converged, report.Rows[0].Verdict);
        Assert.Equal(0.9626, report.Rows[1].BestValAccuracy);
        Assert.Equal(2, report.RecommendedTrialId);
        Assert.StartsWith("trial 2 (converged)", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("Baseline (trial 1, oscillating)", report.Recommendation, StringComparison.Ordinal);
    }

    // Before the typed parameter model, the text of a configuration left bn_stats out at its default, so a trial
    // that set it had a key the baseline lacked and the report's difference threw KeyNotFoundException.
    [Fact]
    public void Build_bestTrialSetsBnStats_namesItAsTheDifference()
    {
        var baseline = Trial(1, [0.80, 0.96, 0.78, 0.91, 0.85, 0.96, 0.82, 0.94], baseline: true) with { Config = TrialConfig.Notebook };
        var recomputed = Trial(2, [0.80, 0.90, 0.93, 0.935, 0.94, 0.94, 0.945, 0.94]) with { Config = TrialConfig.Notebook with { BnStats = BatchNormStatistics.Recomputed } };

        var report = Report(baseline, recomputed);

        Assert.Equal(2, report.RecommendedTrialId);
        Assert.Contains("Changed from the baseline: bn_stats=recomputed", report.Recommendation, StringComparison.Ordinal);
        Assert.Equal(["bn_stats=recomputed"], SweepReportBuilder.Difference(baseline.Config, recomputed.Config));
    }

    [Fact]
    public void Build_steadyButFarBelowTraining_isOverfitting()
    {
        var report = Report(Trial(1, [0.85, 0.86, 0.86, 0.861, 0.86, 0.859], train: 1.0));

        var row = Assert.Single(report.Rows);
        Assert.Equal(Verdict.Overfitting, row.Verdict);
        Assert.Equal(0.86, row.MeanLastK, 3);
        Assert.Equal(0.14, row.TrainValGap, 3);
    }

    [Fact]
    public void Build_divergedAndShortTrials_getTheirVerdicts()
    {
        var report = Report(Trial(1, [0.5], state: TrialState.Diverged), Trial(2, [0.5, 0.6]), new TrialStatus { TrialId = 3, State = TrialState.Pending });

        Assert.Equal(Verdict.Diverged, report.Rows.Single(r => r.TrialId == 1).Verdict);
        Assert.Equal(Verdict.Unknown, report.Rows.Single(r => r.TrialId == 2).Verdict);
        Assert.Equal(3, report.Rows[^1].TrialId);
        Assert.True(double.IsNaN(report.Rows[^1].MeanLastK));
    }

    [Fact]
    public void Build_divergedAndFailedTrials_sayWhyTheyEndedAndWhichBackend()
    {
        const string diverged = "training loss became NaN at epoch 1, batch 3 (learning rate 10): the run diverged (backend native passed its numerics probe on AMD EPYC (family 26))";
        const string failed = "training loss became NaN at epoch 1, batch 2 (learning rate 0.001); backend onednn FAILED its numerics probe on AMD EPYC (family 26): the NaN is the machine's, not the configuration's";

        var report = Report(Trial(1, [0.5]) with { State = TrialState.Diverged, Message = diverged }, Trial(2, [0.5]) with { State = TrialState.Failed, Message = failed }, Trial(3, [0.5, 0.6]) with { Message = "completed 2 epochs" });

        Assert.Equal(diverged, report.Rows.Single(r => r.TrialId == 1).Ending);
        Assert.Equal(failed, report.Rows.Single(r => r.TrialId == 2).Ending);
        Assert.NotEqual(Verdict.Diverged, report.Rows.Single(r => r.TrialId == 2).Verdict);
        Assert.Null(report.Rows.Single(r => r.TrialId == 3).Ending);
    }

    [Fact]
    public void Build_stoppedTrialWithSteadyCurve_isUnknownNotConverged()
    {
        // Cut at a rung after six steady epochs: completed, the same curve would be converged.
        double[] steady = [0.90, 0.95, 0.96, 0.96, 0.961, 0.96];
        var report = Report(Trial(1, steady, baseline: true), Trial(2, steady, state: TrialState.Stopped));

        Assert.Equal(Verdict.Converged, report.Rows.Single(r => r.TrialId == 1).Verdict);
        Assert.Equal(Verdict.Unknown, report.Rows.Single(r => r.TrialId == 2).Verdict);
        Assert.Contains("unknown: fewer than 5 epochs or stopped early", report.Thresholds, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_lastK_usesOnlyTheLastEpochs()
    {
        var stats = CurveStatistics.Of(Curve([0.1, 0.2, 0.5, 0.7]), 2)!;

        Assert.Equal(0.6, stats.MeanLastK, 10);
        Assert.Equal(0.1, stats.StdLastK, 10);
        Assert.Equal(0.7, stats.Final);
        Assert.Equal(0.7, stats.Best);
    }

    [Fact]
    public void Build_lowTrainingAccuracy_isUnderfittingAndNanLoss_isDiverged()
    {
        var nan = Trial(2, [0.5, 0.5, 0.5, 0.5, 0.5]) with { Epochs = [.. Curve([0.5, 0.5, 0.5, 0.5, 0.5]).Select(e => e with { TrainLoss = double.NaN })] };

        var report = Report(Trial(1, [0.50, 0.52, 0.53, 0.53, 0.54], train: 0.6), nan);

        Assert.Equal(Verdict.Underfitting, report.Rows.Single(r => r.TrialId == 1).Verdict);
        Assert.Equal(Verdict.Diverged, report.Rows.Single(r => r.TrialId == 2).Verdict);
        Assert.Contains("underfitting: mean train accuracy of the last 5 epochs < 0.9", report.Thresholds, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_zigzag_countsDirectionChangesSlopeAndBestEpoch()
    {
        var stats = CurveStatistics.Of(Curve([0.5, 0.7, 0.6, 0.8, 0.8, 0.7, 0.9]), 3)!;

        // Up, down, up, (flat), down, up: 4 changes of direction.
        Assert.Equal(4, stats.DirectionChanges);
        Assert.Equal(7, stats.BestEpoch);
        Assert.Equal(0.05, stats.SlopeLastK, 10);
    }

    [Fact]
    public void Build_sweepWithBaseline_reportsEffectsAndRecommendsTheSteadyVariantWithEvidence()
    {
        TrialStatus With(TrialStatus t, bool augment) => t with { Config = t.Config with { Augment = augment ? 1 : 0 } };
        var baseline = With(Trial(1, [0.80, 0.96, 0.78, 0.91, 0.85, 0.96, 0.82, 0.94], train: 0.9997, baseline: true), false);
        var plain = With(Trial(2, [0.80, 0.85, 0.83, 0.86, 0.84, 0.86, 0.85, 0.86], train: 0.999), false);
        var steady = With(Trial(3, [0.80, 0.90, 0.93, 0.935, 0.94, 0.94, 0.945, 0.94], train: 0.96), true);
        var stopped = With(Trial(4, [0.30, 0.35], state: TrialState.Stopped), true);

        var report = Report(baseline, plain, steady, stopped);

        Assert.Equal(3, report.RecommendedTrialId);
        Assert.Equal(1, report.BaselineTrialId);
        Assert.StartsWith("trial 3 (converged): mean of the last 5 val_accuracy 0.9400 ± 0.0032", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("Baseline (trial 1, oscillating)", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("augment=1 (trials with it 0.9400 ± 0.0032, n=1; with 0 ", report.Recommendation, StringComparison.Ordinal);
        // Grouped means over completed trials only (the stopped trial 4 is left out); the seed is not an effect.
        var augment = report.Effects.Where(e => e.Parameter == "augment").ToList();
        Assert.Equal(["0", "1"], augment.Select(e => e.Value));
        Assert.Equal([2, 1], augment.Select(e => e.Trials));
        Assert.DoesNotContain(report.Effects, e => e.Parameter == "seed");
    }
}
