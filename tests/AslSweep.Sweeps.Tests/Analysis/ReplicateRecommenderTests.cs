using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Search;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>
/// Issue 17, item 2: with replicates the report ranks configurations by the mean over seeds with a bootstrap
/// interval, compares the recommendation with the runner-up and the baseline by paired seeds, and says plainly when
/// two are not told apart. Hand-made curves with known means, intervals and p-values.
/// </summary>
public sealed class ReplicateRecommenderTests
{
    // Flat curves: each trial's stable accuracy (mean of the last 3) is its value, in both views.
    private static TrialStatus Trial(int id, double augment, int replicate, double accuracy, bool baseline = false, TrialState state = TrialState.Completed) => new()
    {
        TrialId = id,
        State = state,
        IsBaseline = baseline,
        Config = TrialConfig.Notebook with { Augment = augment, Seed = Replicates.Seed(42, replicate) },
        Epochs = [.. Enumerable.Range(1, state == TrialState.Stopped ? 2 : 6).Select(e => new EpochReport
        {
            Epoch = e,
            ValAccuracy = accuracy,
            RecomputedValAccuracy = accuracy,
            TrainAccuracy = accuracy + 0.01,
            ValLoss = 1 - accuracy,
            RecomputedValLoss = 1 - accuracy,
            ValidationImages = 720,
        })],
    };

    private static SweepReport Report(int replicates, params TrialStatus[] trials) => SweepReportBuilder.Build(new SweepStatus
    {
        SweepId = "s",
        State = SweepState.Completed,
        Spec = new SweepSpec { Metric = new MetricSpec { LastK = 3 }, Replicates = replicates },
        Trials = [.. trials],
    });

    // Baseline (augment 0) and two variants, six seeds each: augment 1 beats the baseline on every seed by 0.10;
    // augment 0.5 trails augment 1 by 0.002 on average, ahead on two seeds of six.
    private static TrialStatus[] SixSeeds()
    {
        double[] baseline = [0.85, 0.86, 0.84, 0.87, 0.85, 0.86];
        double[] strong = [0.95, 0.96, 0.94, 0.97, 0.95, 0.96];
        double[] half = [0.946, 0.957, 0.945, 0.968, 0.951, 0.951];
        return
        [
            .. baseline.Select((a, r) => Trial(1 + r, 0, r, a, baseline: true)),
            .. half.Select((a, r) => Trial(7 + r, 0.5, r, a)),
            .. strong.Select((a, r) => Trial(13 + r, 1, r, a)),
        ];
    }

    [Fact]
    public void Build_sixSeeds_ranksConfigurationsByTheirMeanWithBootstrapIntervals()
    {
        var report = Report(6, SixSeeds());

        Assert.Equal(6, report.Replicates);
        Assert.Equal([13, 7, 1], report.Configurations.Select(c => c.TrialIds[0]));
        var best = report.Configurations[0];
        Assert.Equal([13, 14, 15, 16, 17, 18], best.TrialIds.ToArray());
        Assert.Equal(0.955, best.Stable.Mean, 10);
        Assert.Equal(best.Stable, best.Recomputed);
        Assert.Equal(best.Stable, best.Moving);
        Assert.InRange(best.Stable.Low, 0.945, 0.952);
        Assert.InRange(best.Stable.High, 0.958, 0.965);
        Assert.True(best.Complete);
        Assert.Equal("6 completed", best.States);
        Assert.Equal(13, report.RecommendedTrialId);
    }

    [Fact]
    public void Build_sixSeedsBeatingTheBaselineOnEach_toldApartFromTheBaselineNotFromTheRunnerUp()
    {
        var report = Report(6, SixSeeds());

        var baseline = report.Comparisons.Single(c => c.Against == "baseline");
        Assert.Equal(6, baseline.Pairs);
        Assert.Equal(0.10, baseline.Difference.Mean, 10);
        // Every seed better: only the observed pattern and its mirror are as extreme, 2 of 64.
        Assert.Equal(2.0 / 64, baseline.PValue, 12);
        Assert.Equal(1.0, baseline.ProbabilityOfImprovement);
        Assert.Equal(ComparisonVerdict.ToldApart, baseline.Verdict);
        Assert.EndsWith("; told apart", baseline.Text, StringComparison.Ordinal);

        var runnerUp = report.Comparisons.Single(c => c.Against == "runner-up");
        Assert.Equal(7, runnerUp.OtherTrialId);
        Assert.Equal(0.002, runnerUp.Difference.Mean, 10);
        Assert.Equal(4.0 / 6, runnerUp.ProbabilityOfImprovement, 10);
        Assert.Equal(ComparisonVerdict.NotToldApart, runnerUp.Verdict);
        Assert.True(runnerUp.Difference.Low < 0);
        Assert.Contains("not told apart: the interval includes 0", runnerUp.Text, StringComparison.Ordinal);
        Assert.Contains("within the validation set's noise floor", runnerUp.Text, StringComparison.Ordinal);
        Assert.Contains("Against the runner-up (trials 7, 8, 9, 10, 11, 12", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("Changed from the baseline: augment=1", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_augmentationDecidesTheScore_importanceNamesItOverTheCompletedTrials()
    {
        var report = Report(6, SixSeeds());

        var importance = Assert.Single(report.Importance);
        Assert.Equal("augment", importance.Parameter);
        Assert.Equal(1.0, importance.Importance, 12);
        Assert.Equal(18, importance.Trials);
        Assert.Equal(2, importance.TopTrials);
        Assert.True(importance.Divergence > 0);
    }

    [Fact]
    public void Build_twoSeeds_saysTheTestCannotReachFivePercent()
    {
        var report = Report(2, Trial(1, 0, 0, 0.85, baseline: true), Trial(2, 0, 1, 0.86, baseline: true), Trial(3, 1, 0, 0.95), Trial(4, 1, 1, 0.97));

        var baseline = Assert.Single(report.Comparisons);
        Assert.Equal(0.5, baseline.PValue, 12);
        Assert.Equal(0.5, baseline.SmallestPValue, 12);
        Assert.Equal(ComparisonVerdict.TooFewSeeds, baseline.Verdict);
        Assert.Contains("the interval excludes 0 and the difference is beyond the noise floor, but it is not yet told apart: with 2 seeds the smallest p-value the sign-flip test can give is 0.5: at least 6 seeds are needed", baseline.Text, StringComparison.Ordinal);
        // The paired differences are 0.10 and 0.11: their bootstrap interval is their range.
        Assert.Equal(0.10, baseline.Difference.Low, 10);
        Assert.Equal(0.11, baseline.Difference.High, 10);
    }

    [Fact]
    public void Build_oneReplicateStopped_configurationRankedAfterTheCompleteOnesAndNotRecommended()
    {
        var report = Report(
            2,
            Trial(1, 0, 0, 0.85, baseline: true),
            Trial(2, 0, 1, 0.86, baseline: true),
            Trial(3, 1, 0, 0.99),
            Trial(4, 1, 1, 0.60, state: TrialState.Stopped));

        Assert.Equal([1, 3], report.Configurations.Select(c => c.TrialIds[0]));
        Assert.False(report.Configurations[1].Complete);
        Assert.Equal("1 completed, 1 stopped at epoch 2", report.Configurations[1].States);
        Assert.Equal(1, report.RecommendedTrialId);
        Assert.Contains("it is the baseline: no variant did better", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_withoutReplicates_keepsThePerTrialReport()
    {
        var report = Report(1, Trial(1, 0, 0, 0.85, baseline: true), Trial(2, 1, 0, 0.95));

        Assert.Empty(report.Configurations);
        Assert.Empty(report.Comparisons);
        Assert.Equal(2, report.RecommendedTrialId);
        Assert.StartsWith("trial 2 (", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_valLossMinimized_positiveDifferenceMeansLowerLoss()
    {
        var metric = new RankingMetric(MetricName.ValLoss, MetricGoal.Minimize);
        static TrialReportRow Row(int id, int seed, double loss) => new() { TrialId = id, State = TrialState.Completed, Verdict = Verdict.Converged, MeanValLossLastK = loss, Config = new TrialConfig { Seed = seed } };
        var rows = new[] { Row(1, 1, 0.2), Row(2, 2, 0.3), Row(3, 1, 0.5), Row(4, 2, 0.5) }.ToDictionary(r => r.TrialId);
        var winner = new ConfigurationRow { TrialIds = [1, 2], Seeds = [1, 2] };
        var other = new ConfigurationRow { TrialIds = [3, 4], Seeds = [1, 2] };

        var comparison = ReplicateRecommender.Compare(winner, other, "runner-up", rows, metric, 720);

        Assert.Equal(0.25, comparison.Difference.Mean, 10);
        Assert.Equal(1.0, comparison.ProbabilityOfImprovement);
        Assert.True(double.IsNaN(comparison.NoiseFloor));
    }
}
