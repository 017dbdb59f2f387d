using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>Issue 17, item 4: the expected best metric against the number of trials (Dodge et al. 2019).</summary>
public sealed class ExpectedBestTests
{
    [Fact]
    public void Of_fourValues_matchesTheClosedForm()
    {
        var (mean, std) = ExpectedBest.Of([0.3, 0.1, 0.4, 0.2], minimize: false);

        // n = 1: the plain mean; n = 2: (0.1*1 + 0.2*3 + 0.3*5 + 0.4*7) / 16 = 0.3125; it rises toward the best.
        Assert.Equal(0.25, mean[0], 12);
        Assert.Equal(0.3125, mean[1], 12);
        Assert.True(mean[2] > mean[1] && mean[3] > mean[2] && mean[3] < 0.4);
        // n = 1: the population standard deviation of the four values.
        Assert.Equal(Math.Sqrt(0.0125), std[0], 12);
    }

    [Fact]
    public void Of_minimizedMetric_expectsTheLowest()
    {
        var (mean, _) = ExpectedBest.Of([0.3, 0.1, 0.4, 0.2], minimize: true);

        // (0.1*7 + 0.2*5 + 0.3*3 + 0.4*1) / 16 = 0.1875.
        Assert.Equal(0.1875, mean[1], 12);
        Assert.Empty(ExpectedBest.Of([], minimize: true).Mean);
    }

    [Fact]
    public void Build_completedTrials_reportTheCurveOverThemOnly()
    {
        static TrialStatus Trial(int id, double accuracy, TrialState state) => new()
        {
            TrialId = id,
            State = state,
            Config = new TrialConfig { Seed = id },
            Epochs = [.. Enumerable.Range(1, state == TrialState.Stopped ? 2 : 5).Select(e => new EpochReport { Epoch = e, ValAccuracy = accuracy, TrainAccuracy = accuracy })],
        };

        var report = SweepReportBuilder.Build(new SweepStatus
        {
            SweepId = "s",
            State = SweepState.Completed,
            Spec = new SweepSpec { Metric = new MetricSpec { LastK = 5 } },
            Trials = [Trial(1, 0.9, TrialState.Completed), Trial(2, 0.8, TrialState.Completed), Trial(3, 0.1, TrialState.Stopped)],
        });

        Assert.Equal([0.85, 0.875], report.ExpectedBest.Select(v => Math.Round(v, 12)));
        Assert.Equal("val_accuracy", report.RankedBy);
    }
}
