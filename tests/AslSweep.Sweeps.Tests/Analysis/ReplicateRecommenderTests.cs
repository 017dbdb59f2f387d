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
    public void Build_augmentationDecidesTheScore_importanceAndExpectedBestAreOverConfigurationsNotSeeds()
    {
        var report = Report(6, SixSeeds());

        var importance = Assert.Single(report.Importance);
        Assert.Equal("augment", importance.Parameter);
        Assert.Equal(1.0, importance.Importance, 12);
        // Three configurations (each its mean over six seeds), not 18 seeds: the top set is not the luckiest seeds.
        Assert.Equal(3, importance.Trials);
        Assert.Equal(2, importance.TopTrials);
        Assert.True(importance.Divergence > 0);
        Assert.Equal(3, report.ExpectedBest.Length);
        // Best of 3 draws from the means 0.855, 0.953, 0.955: 0.955 (1 - (2/3)^3) + 0.953 ((2/3)^3 - (1/3)^3) + 0.855 (1/3)^3.
        Assert.Equal((0.955 * (1 - (8.0 / 27))) + (0.953 * (7.0 / 27)) + (0.855 / 27), report.ExpectedBest[^1], 10);
    }

    [Fact]
    public void Build_twoSeeds_saysTheTestCannotReachFivePercent()
    {
        var report = Report(2, Trial(1, 0, 0, 0.85, baseline: true), Trial(2, 0, 1, 0.86, baseline: true), Trial(3, 1, 0, 0.95), Trial(4, 1, 1, 0.97));

        var baseline = Assert.Single(report.Comparisons);
        Assert.Equal(0.5, baseline.PValue, 12);
        Assert.Equal(0.5, baseline.SmallestPValue, 12);
        Assert.Equal(ComparisonVerdict.TooFewSeeds, baseline.Verdict);
        Assert.Contains("the interval excludes 0 and the difference is beyond the noise floor, but it is not yet told apart: with 2 seeds the smallest p-value the sign-flip test can give is 0.5: at least 6 seeds with a non-zero difference are needed", baseline.Text, StringComparison.Ordinal);
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
    public void Build_noConfigurationComplete_reportsWithoutARecommendation()
    {
        // Every replicate still running (or too short to judge): the report is built, it only recommends nothing.
        var report = Report(2, Trial(1, 0, 0, 0.85, baseline: true, state: TrialState.Running), Trial(2, 0, 1, 0.86, baseline: true, state: TrialState.Running));

        Assert.Equal(0, report.RecommendedTrialId);
        Assert.Equal("no configuration has every replicate completed and judged yet", report.Recommendation);
        Assert.Single(report.Configurations);
    }

    [Fact]
    public void Compare_tiedSeed_raisesTheSmallestPValueAndSaysTooFewSeeds()
    {
        var metric = new RankingMetric(MetricName.ValAccuracy, MetricGoal.Maximize);
        // Six seeds, one tied (both 0.90): flipping a zero changes nothing, so the smallest p is 2/2^5, not 2/2^6.
        double[] mine = [0.95, 0.96, 0.90, 0.97, 0.95, 0.96];
        double[] theirs = [0.85, 0.86, 0.90, 0.87, 0.85, 0.86];
        var (winner, other, rows) = Pair(mine, theirs);

        var comparison = ReplicateRecommender.Compare(winner, other, "baseline", rows, metric, 720);

        Assert.Equal(2.0 / 32, comparison.SmallestPValue, 12);
        Assert.Equal(2.0 / 32, comparison.PValue, 12);
        Assert.Equal(ComparisonVerdict.TooFewSeeds, comparison.Verdict);
        Assert.Contains("with 6 seeds (1 tied) the smallest p-value", comparison.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_otherBetterOnEverySeed_saysSoInsteadOfAnIntervalIncludingZero()
    {
        var metric = new RankingMetric(MetricName.ValAccuracy, MetricGoal.Maximize);
        var (winner, other, rows) = Pair([0.85, 0.86, 0.84], [0.95, 0.96, 0.94]);

        var comparison = ReplicateRecommender.Compare(winner, other, "baseline", rows, metric, 720);

        Assert.Equal(ComparisonVerdict.NotToldApart, comparison.Verdict);
        Assert.Contains("the interval is below 0: the baseline did better on these seeds", comparison.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("includes 0", comparison.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_onePairedSeed_givesNoInterval()
    {
        var metric = new RankingMetric(MetricName.ValAccuracy, MetricGoal.Maximize);
        var (winner, other, rows) = Pair([0.99], [0.50]);

        var comparison = ReplicateRecommender.Compare(winner, other, "baseline", rows, metric, 720);

        Assert.True(double.IsNaN(comparison.Difference.Low));
        Assert.Equal(ComparisonVerdict.NotToldApart, comparison.Verdict);
        Assert.Contains("only one seed was completed by both: no interval", comparison.Text, StringComparison.Ordinal);
    }

    // Two configurations over the same seeds 1..n, trials 1..n and n+1..2n, with these stable accuracies.
    private static (ConfigurationRow Winner, ConfigurationRow Other, Dictionary<int, TrialReportRow> Rows) Pair(double[] mine, double[] theirs)
    {
        int n = mine.Length;
        static TrialReportRow Row(int id, int seed, double accuracy) => new() { TrialId = id, State = TrialState.Completed, Verdict = Verdict.Converged, MeanLastK = accuracy, Config = new TrialConfig { Seed = seed } };
        var rows = mine.Select((a, i) => Row(i + 1, i + 1, a)).Concat(theirs.Select((a, i) => Row(n + i + 1, i + 1, a))).ToDictionary(r => r.TrialId);
        var winner = new ConfigurationRow { TrialIds = [.. Enumerable.Range(1, n)], Stable = new IntervalEstimate { Mean = mine.Average() } };
        var other = new ConfigurationRow { TrialIds = [.. Enumerable.Range(n + 1, n)], Stable = new IntervalEstimate { Mean = theirs.Average() } };
        return (winner, other, rows);
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
