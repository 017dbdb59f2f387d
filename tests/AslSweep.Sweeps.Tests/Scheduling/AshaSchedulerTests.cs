using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Sweeps.Tests.Scheduling;

public sealed class AshaSchedulerTests
{
    [Fact]
    public void Milestones_grace2Eta3Max20_are2And6And18()
    {
        Assert.Equal([2, 6, 18], new AshaScheduler(3, 2, 20).Milestones);
    }

    [Fact]
    public void OnResult_firstTrialAtARung_continues()
    {
        var asha = new AshaScheduler(3, 2, 20);

        Assert.Equal(SchedulerDecision.Continue, asha.OnResult(1, 2, 0.10).Decision);
    }

    [Fact]
    public void OnResult_belowTopThirdOfRecorded_stopsWithReason()
    {
        var asha = new AshaScheduler(3, 2, 20);
        asha.OnResult(1, 2, 0.90);
        asha.OnResult(2, 2, 0.80);
        asha.OnResult(3, 2, 0.70);

        // Cutoff: the 2/3 quantile of [0.70, 0.80, 0.90] = 0.8333.
        var low = asha.OnResult(4, 2, 0.82);
        var high = asha.OnResult(5, 2, 0.85);

        Assert.Equal(SchedulerDecision.Stop, low.Decision);
        Assert.Equal("ASHA rung at epoch 2: 0.8200 is below the top-1/3 cutoff 0.8333 of the 3 trials recorded there", low.Reason);
        Assert.Equal(SchedulerDecision.Continue, high.Decision);
    }

    [Fact]
    public void OnResult_betweenRungs_alwaysContinues()
    {
        var asha = new AshaScheduler(3, 2, 20);
        asha.OnResult(1, 2, 0.9);
        asha.OnResult(2, 2, 0.95);

        Assert.Equal(SchedulerDecision.Continue, asha.OnResult(3, 3, 0.01).Decision);
        Assert.Equal(SchedulerDecision.Continue, asha.OnResult(3, 1, 0.01).Decision);
    }

    [Fact]
    public void OnResult_sameResultsInSameOrder_sameDecisions()
    {
        var curves = RecordedCurves();
        string Run()
        {
            var asha = new AshaScheduler(3, 1, 9);
            return string.Join(",", Interleave(curves).Select(r => asha.OnResult(r.Trial, r.Epoch, r.Value).Decision));
        }

        Assert.Equal(Run(), Run());
        Assert.Contains("Stop", Run(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quantile_matchesNumpyLinear()
    {
        Assert.Equal(2.5, AshaScheduler.Quantile([1, 2, 3, 4], 0.5), 12);
        Assert.Equal(3.25, AshaScheduler.Quantile([1, 2, 3, 4], 0.75), 12);
        Assert.Equal(7, AshaScheduler.Quantile([7], 0.66), 12);
    }

    /// <summary>Recorded validation curves of 6 trials (two good, four poor), epochs 1..9.</summary>
    internal static double[][] RecordedCurves() =>
    [
        [0.30, 0.55, 0.70, 0.80, 0.85, 0.88, 0.90, 0.91, 0.92],
        [0.10, 0.15, 0.20, 0.22, 0.25, 0.27, 0.28, 0.30, 0.31],
        [0.35, 0.60, 0.74, 0.83, 0.88, 0.90, 0.92, 0.93, 0.94],
        [0.05, 0.06, 0.08, 0.09, 0.10, 0.12, 0.13, 0.14, 0.15],
        [0.20, 0.40, 0.50, 0.55, 0.58, 0.60, 0.61, 0.62, 0.63],
        [0.12, 0.20, 0.30, 0.35, 0.40, 0.42, 0.44, 0.45, 0.46],
    ];

    /// <summary>Round-robin arrival order: epoch 1 of every trial, then epoch 2, ...</summary>
    internal static IEnumerable<(int Trial, int Epoch, double Value)> Interleave(double[][] curves) =>
        Enumerable.Range(0, curves[0].Length).SelectMany(e => curves.Select((c, t) => (t + 1, e + 1, c[e])));
}
