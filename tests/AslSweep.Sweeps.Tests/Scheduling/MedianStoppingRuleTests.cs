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

    [Fact]
    public void OnResult_randomInterleavings_decidesAsTheDefinitionRecomputedEachTime()
    {
        var random = new Random(11);
        for (int round = 0; round < 50; round++)
        {
            int grace = 1 + random.Next(3);
            int min = 1 + random.Next(4);
            var rule = new MedianStoppingRule(grace, min);
            var reference = new Dictionary<int, List<double>>();
            var next = Enumerable.Range(1, 8).ToDictionary(t => t, _ => 1);
            for (int step = 0; step < 200; step++)
            {
                int trial = 1 + random.Next(8);
                int epoch = next[trial]++;
                double value = random.NextDouble();

                var decision = rule.OnResult(trial, epoch, value).Decision;

                Assert.Equal(Definition(reference, trial, epoch, value, grace, min), decision);
            }
        }
    }

    // The rule as written in its summary: the other trials' means of their first `epoch` results, recomputed.
    private static SchedulerDecision Definition(Dictionary<int, List<double>> results, int trial, int epoch, double value, int grace, int min)
    {
        (results.TryGetValue(trial, out var own) ? own : results[trial] = []).Add(value);
        var means = results.Where(r => r.Key != trial && r.Value.Count >= epoch).Select(r => r.Value.Take(epoch).Average()).Order().ToList();
        if (epoch < grace || means.Count < min)
        {
            return SchedulerDecision.Continue;
        }

        double median = means.Count % 2 == 1 ? means[means.Count / 2] : (means[(means.Count / 2) - 1] + means[means.Count / 2]) / 2;
        return results[trial].Max() < median ? SchedulerDecision.Stop : SchedulerDecision.Continue;
    }
}
