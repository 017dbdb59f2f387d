using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>Issue 17, item 1: both views of every curve, and where a swing comes from, on hand-made curves.</summary>
public sealed class SwingDiagnosisTests
{
    // Five epochs: the moving and the recomputed validation accuracies, on a validation set of `images`.
    private static TrialStatus Trial(int id, double[] moving, double[] recomputed, int images = 720) => new()
    {
        TrialId = id,
        State = TrialState.Completed,
        Config = new TrialConfig { Seed = id },
        Epochs = [.. moving.Select((m, i) => new EpochReport
        {
            Epoch = i + 1,
            TrainAccuracy = 0.99,
            ValAccuracy = m,
            ValLoss = 1 - m,
            RecomputedValAccuracy = recomputed[i],
            RecomputedValLoss = 1 - recomputed[i],
            ValidationImages = images,
        })],
    };

    private static SweepReport Report(ValidationView? view, params TrialStatus[] trials) => SweepReportBuilder.Build(new SweepStatus
    {
        SweepId = "s",
        State = SweepState.Completed,
        Spec = new SweepSpec { Metric = view is { } v ? new MetricSpec { LastK = 5, Statistics = v } : new MetricSpec { LastK = 5 } },
        Trials = [.. trials],
    });

    private static readonly double[] Swinging = [0.78, 0.96, 0.85, 0.95, 0.80];
    private static readonly double[] Steady = [0.950, 0.952, 0.949, 0.951, 0.953];

    [Fact]
    public void Diagnose_movingSwingsRecomputedSteady_blamesBatchNormStatisticsAndProposesRecomputing()
    {
        var row = Report(null, Trial(1, Swinging, Steady)).Rows[0];

        Assert.Equal(Verdict.Oscillating, row.Moving.Verdict);
        Assert.Equal(Verdict.Converged, row.Recomputed.Verdict);
        Assert.StartsWith("BatchNorm statistics: the moving view swings, the recomputed one is steady (std 0.0747 moving, 0.0014 recomputed)", row.Diagnosis, StringComparison.Ordinal);
        Assert.EndsWith("recompute BatchNorm statistics before use", row.Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_bothSwingFarBeyondTheBinomialNoise_blamesTheWeights()
    {
        var row = Report(null, Trial(1, Swinging, [0.80, 0.95, 0.86, 0.94, 0.81])).Rows[0];

        Assert.StartsWith("the weights: both views swing", row.Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_bothSwingWithinTheBinomialNoiseOfASmallSet_blamesTheValidationSetsSize()
    {
        // 48 images at 0.896: one measurement's standard error is sqrt(0.896 * 0.104 / 48) = 0.0441; the swing (std 0.019)
        // is above the oscillation threshold but within twice that.
        double[] small = [0.875, 0.917, 0.896, 0.875, 0.917];
        var row = Report(null, Trial(1, small, small, images: 48)).Rows[0];

        Assert.StartsWith("the validation set's size: both views swing, within twice the binomial standard error 0.044", row.Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_steadyInBoth_saysSo()
    {
        Assert.StartsWith("steady in both views", Report(null, Trial(1, Steady, Steady)).Rows[0].Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_eitherView_ranksByTheSpecsViewAndReportsBoth()
    {
        // Trial 1 is better with recomputed statistics, trial 2 with the moving averages.
        var one = Trial(1, [0.90, 0.90, 0.90, 0.90, 0.90], [0.97, 0.97, 0.97, 0.97, 0.97]);
        var two = Trial(2, [0.93, 0.93, 0.93, 0.93, 0.93], [0.94, 0.94, 0.94, 0.94, 0.94]);

        var byDefault = Report(null, one, two);
        var byMoving = Report(ValidationView.Moving, one, two);

        Assert.Equal([1, 2], byDefault.Rows.Select(r => r.TrialId));
        Assert.Equal("recomputed", byDefault.View);
        Assert.Contains("with recomputed BatchNorm statistics", byDefault.Thresholds, StringComparison.Ordinal);
        Assert.Equal([2, 1], byMoving.Rows.Select(r => r.TrialId));
        Assert.Equal("moving", byMoving.View);
        // Both views stay in every row whichever ranks.
        var row = byDefault.Rows.Single(r => r.TrialId == 1);
        Assert.Equal((0.90, 0.97), (Math.Round(row.Moving.MeanLastK, 10), Math.Round(row.Recomputed.MeanLastK, 10)));
        Assert.Equal(0.97, Math.Round(row.MeanLastK, 10));
    }
}
