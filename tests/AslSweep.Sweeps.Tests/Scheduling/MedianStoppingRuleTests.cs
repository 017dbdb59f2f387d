using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Sweeps.Tests.Scheduling;

public sealed class MedianStoppingRuleTests
{
    [Fact]
    public void OnResult_bestBelowMedianOfOthersRunningMeans_stops()
    {
        var rule = new MedianStoppingRule(gracePeriod: 2, minSamples: 3);
        foreach (int trial in new[] { 1, 2, 3 })
        {
            rule.OnResult(trial, 1, 0.5);
            rule.OnResult(trial, 2, 0.7);
        }

        rule.OnResult(4, 1, 0.3);
        var decision = rule.OnResult(4, 2, 0.4);

        // Others' running means at epoch 2: 0.6 each; trial 4's best so far 0.4.
        Assert.Equal(SchedulerDecision.Stop, decision.Decision);
        Assert.Equal("median rule at epoch 2: best so far 0.4000 is below the median 0.6000 of 3 other trials' running means", decision.Reason);
    }

    [Fact]
    public void OnResult_withinGracePeriodOrTooFewSamples_continues()
    {
        var rule = new MedianStoppingRule(gracePeriod: 3, minSamples: 2);
        rule.OnResult(1, 1, 0.9);
        rule.OnResult(1, 2, 0.9);
        rule.OnResult(1, 3, 0.9);

        Assert.Equal(SchedulerDecision.Continue, rule.OnResult(2, 1, 0.1).Decision);
        Assert.Equal(SchedulerDecision.Continue, rule.OnResult(2, 2, 0.1).Decision);
        // Epoch 3 is past the grace period, but only one other trial has reached it.
        Assert.Equal(SchedulerDecision.Continue, rule.OnResult(2, 3, 0.1).Decision);
    }

    [Fact]
    public void OnResult_bestAboveMedian_continues()
    {
        var rule = new MedianStoppingRule(gracePeriod: 1, minSamples: 1);
        rule.OnResult(1, 1, 0.5);

        Assert.Equal(SchedulerDecision.Continue, rule.OnResult(2, 1, 0.6).Decision);
    }

    [Fact]
    public void OnResult_recordedCurves_stopsOnlyPoorTrials()
    {
        var rule = new MedianStoppingRule(gracePeriod: 2, minSamples: 3);
        var stopped = new HashSet<int>();
        foreach (var (trial, epoch, value) in AshaSchedulerTests.Interleave(AshaSchedulerTests.RecordedCurves()))
        {
            if (!stopped.Contains(trial) && rule.OnResult(trial, epoch, value).Decision == SchedulerDecision.Stop)
            {
                stopped.Add(trial);
            }
        }

        Assert.DoesNotContain(1, stopped);
        Assert.DoesNotContain(3, stopped);
        Assert.Contains(4, stopped);
    }
}
