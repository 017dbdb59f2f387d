using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>Issue 17, item 3: the report states the validation set's size and the binomial noise, and marks differences below it.</summary>
public sealed class NoiseFloorTests
{
    private static TrialStatus Trial(int id, double accuracy, int images, bool baseline = false) => new()
    {
        TrialId = id,
        State = TrialState.Completed,
        IsBaseline = baseline,
        Config = new TrialConfig { Seed = id, Epochs = baseline ? 20 : 12 },
        Epochs = [.. Enumerable.Range(1, 5).Select(e => new EpochReport { Epoch = e, ValAccuracy = accuracy, TrainAccuracy = accuracy, ValLoss = 1 - accuracy, ValidationImages = images })],
    };

    [Fact]
    public void StandardError_98PercentOn720Images_isAboutHalfAPoint()
    {
        // sqrt(0.98 * 0.02 / 720), the "about 0.5 pp".
        Assert.Equal(0.0052175, NoiseFloor.StandardError(0.98, 720), 7);
        Assert.True(double.IsNaN(NoiseFloor.StandardError(0.98, 0)));
    }

    [Fact]
    public void Build_winnerAheadOfRunnerUpByLessThanTheNoise_saysSoAndTheBaselineGapIsBeyondIt()
    {
        // The dev sweep's numbers: trial 7 0.9889, trial 9 0.9861, baseline 0.8706, 720 validation images.
        var report = SweepReportBuilder.Build(new SweepStatus
        {
            SweepId = "s",
            State = SweepState.Completed,
            Spec = new SweepSpec { Metric = new MetricSpec { LastK = 5 } },
            Trials = [Trial(1, 0.8706, 720, baseline: true), Trial(7, 0.9889, 720), Trial(9, 0.9861, 720)],
        });

        var best = report.Rows.Single(r => r.TrialId == 7);
        Assert.Equal(7, report.RecommendedTrialId);
        Assert.Equal(720, best.ValidationImages);
        // se = sqrt(p(1-p)/n): 0.003905 and 0.004362; 1.96 * sqrt(se1^2 + se2^2) = 0.0115.
        Assert.Equal(0.003905, best.StandardError, 6);
        Assert.Contains("Validation set: 720 images; binomial standard error of one measurement 0.0039", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("Runner-up trial 9 (0.9861): difference +0.0028, within the noise floor (95% half-width 0.0115)", report.Recommendation, StringComparison.Ordinal);
        // Baseline: se 0.012508; 1.96 * sqrt(0.003905^2 + 0.012508^2) = 0.0257.
        Assert.Contains("difference +0.1183, beyond the noise floor (95% half-width 0.0257) in the mean", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_curvesWithoutTheSetsSize_saysTheNoiseIsUnknown()
    {
        var report = SweepReportBuilder.Build(new SweepStatus
        {
            SweepId = "s",
            State = SweepState.Completed,
            Spec = new SweepSpec { Metric = new MetricSpec { LastK = 5 } },
            Trials = [Trial(1, 0.97, 0), Trial(2, 0.96, 0)],
        });

        Assert.Contains("Validation set: size not recorded", report.Recommendation, StringComparison.Ordinal);
        Assert.Contains("noise floor unknown", report.Recommendation, StringComparison.Ordinal);
    }
}
