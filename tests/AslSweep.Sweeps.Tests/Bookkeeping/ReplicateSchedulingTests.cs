using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;

namespace AslSweep.Sweeps.Tests.Bookkeeping;

/// <summary>
/// Issue 17, item 2: schedulers must not stop a configuration on one unlucky seed. With replicates ASHA judges a
/// configuration by the mean of its replicates once all reached the rung, and stops all of them together.
/// </summary>
public sealed class ReplicateSchedulingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    // Configurations A, B, C (learning rates), two seeds each: trials 1-2, 3-4, 5-6. B has one unlucky seed (0.50)
    // and the best mean (0.745); C is poor on both seeds.
    private static readonly double[] FirstEpoch = [0.70, 0.70, 0.50, 0.99, 0.60, 0.60];

    private static SweepSpec Spec(bool replicated) => new()
    {
        IncludeBaseline = false,
        Replicates = replicated ? 2 : 1,
        Metric = new MetricSpec { LastK = 1 },
        Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, ReductionFactor = 2, GracePeriod = 1 },
        Parameters = replicated
            ? [new ParameterSpec { Name = "epochs", Values = ["4"] }, new ParameterSpec { Name = "learning_rate", Values = ["0.001", "0.002", "0.003"] }]
            : [new ParameterSpec { Name = "epochs", Values = ["4"] }, new ParameterSpec { Name = "learning_rate", Values = ["0.001", "0.002", "0.003"] }, new ParameterSpec { Name = "seed", Values = ["1", "2"] }],
    };

    private static (SweepBook Book, List<SchedulingDecision> Stops) Run(bool replicated)
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        var stops = new List<SchedulingDecision>();
        for (int t = 1; t <= 6; t++)
        {
            if (book.Trial(t)!.State == TrialState.Running)
            {
                book.RecordEpoch(t, 1, new EpochReport { Epoch = 1, ValAccuracy = FirstEpoch[t - 1] }, out var stopped);
                stops.AddRange(stopped);
            }
        }

        return (book, stops);
    }

    [Fact]
    public void RecordEpoch_perSeedScheduling_stopsTheUnluckySeedOfTheBestConfiguration()
    {
        // The reference the replicated rule is measured against: one seed at a time, ASHA stops trial 3 (0.50).
        var (_, stops) = Run(replicated: false);

        Assert.Contains(3, stops.Select(s => s.TrialId));
    }

    [Fact]
    public void RecordEpoch_replicates_judgesTheConfigurationsMeanAndStopsAllItsReplicates()
    {
        var (book, stops) = Run(replicated: true);

        // B's mean 0.745 is above A's 0.70: B runs on. C's 0.60 is below the median of {0.70, 0.745}: both stop.
        Assert.Equal([5, 6], stops.Select(s => s.TrialId));
        Assert.All(stops, s => Assert.Equal(1, s.Epoch));
        Assert.All(stops, s => Assert.Equal(0.60, s.Value, 12));
        Assert.All(stops, s => Assert.EndsWith("(the mean of the configuration's 2 replicates)", s.Reason, StringComparison.Ordinal));
        Assert.Equal([TrialState.Running, TrialState.Running, TrialState.Running, TrialState.Running, TrialState.Stopped, TrialState.Stopped], book.State.Trials.Select(t => t.State));
        // One result per configuration, under its first trial, each the mean of its two seeds.
        Assert.Equal([(1, 0.70), (3, 0.745), (5, 0.60)], book.State.SchedulerResults.Select(r => (r.TrialId, Math.Round(r.Value, 10))));
    }

    [Fact]
    public void RecordEpoch_oneReplicateReported_waitsForTheOther()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated: true), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        book.RecordEpoch(1, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.9 }, out _);
        Assert.Empty(book.State.SchedulerResults);

        book.RecordEpoch(2, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.7 }, out _);
        Assert.Equal(0.8, Assert.Single(book.State.SchedulerResults).Value, 12);
    }

    [Fact]
    public void ApplyLostStops_replicatedStopLostWithTheState_stopsEveryReplicateAtReactivation()
    {
        var (book, _) = Run(replicated: true);
        // What a crash between the two writes leaves: the results saved, the decisions and states not.
        var state = book.State;
        state.Decisions.Clear();
        foreach (var trial in state.Trials.Where(t => t.State == TrialState.Stopped))
        {
            trial.State = TrialState.Running;
        }

        var lost = new SweepBook(state).ApplyLostStops();

        Assert.Equal([5, 6], lost.Select(s => s.TrialId));
        Assert.All(state.Trials.Where(t => t.TrialId >= 5), t => Assert.Equal(TrialState.Stopped, t.State));
        Assert.All(state.Trials.Where(t => t.TrialId < 5), t => Assert.Equal(TrialState.Running, t.State));
    }

    [Fact]
    public void Finish_lastReplicateReachesTheRungInItsFinalReport_stopsTheRunningReplicate()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated: true), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        // A and B pass rung 1; C's trial 5 reports epoch 1, and trial 6's only report of it is its final one: it
        // diverged, so its 0.9 is left out of the mean (with it, 0.75 would reach the cutoff 0.75 and C ran on).
        foreach (var (t, v) in new[] { (1, 0.7), (2, 0.7), (3, 0.8), (4, 0.8), (5, 0.6) })
        {
            book.RecordEpoch(t, 1, new EpochReport { Epoch = 1, ValAccuracy = v }, out _);
        }

        Assert.True(book.Finish(6, 1, TrialOutcome.Diverged, "NaN loss", [new EpochReport { Epoch = 1, ValAccuracy = 0.9 }], out var stops));

        Assert.Equal(5, Assert.Single(stops).TrialId);
        Assert.Equal(TrialState.Stopped, book.Trial(5)!.State);
        Assert.Equal(TrialState.Diverged, book.Trial(6)!.State);
    }

    [Fact]
    public void RecordEpoch_resultCompletedByTheSecondReplicate_marksTheFirstTrialsCurveForSaving()
    {
        // The results are saved with the curve of the trial they are keyed by (the configuration's first): a version
        // bumped on the second replicate only left the result unsaved, and a reactivated coordinator replayed without it.
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated: true), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        book.RecordEpoch(1, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.7 }, out _);
        int before = book.Trial(1)!.CurveVersion;

        book.RecordEpoch(2, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.7 }, out _);

        Assert.Equal(1, Assert.Single(book.State.SchedulerResults).TrialId);
        Assert.True(book.Trial(1)!.CurveVersion > before);
    }

    [Fact]
    public void RecordEpoch_replicateRequeuedAfterTheRung_isStoppedWithItsConfiguration()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated: true), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        foreach (var (t, v) in new[] { (1, 0.7), (2, 0.7), (3, 0.8), (4, 0.8), (6, 0.6) })
        {
            book.RecordEpoch(t, 1, new EpochReport { Epoch = 1, ValAccuracy = v }, out _);
        }

        // Trial 6's worker is lost after its epoch 1: it waits for another. Trial 5 completes C's rung: C is stopped.
        book.Requeue(book.Trial(6)!, "worker lost");
        book.RecordEpoch(5, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.6 }, out var stops);

        Assert.Equal([5, 6], stops.Select(s => s.TrialId));
        Assert.Equal(TrialState.Stopped, book.Trial(6)!.State);
        Assert.Empty(book.Pending);
    }

    [Fact]
    public void Finish_cancelledSweep_stopsNoOtherReplicate()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", Spec(replicated: true), Now);
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        foreach (var (t, v) in new[] { (1, 0.7), (2, 0.7), (3, 0.8), (4, 0.8), (5, 0.6) })
        {
            book.RecordEpoch(t, 1, new EpochReport { Epoch = 1, ValAccuracy = v }, out _);
        }

        book.Cancel(Now);
        Assert.True(book.Finish(6, 1, TrialOutcome.Cancelled, "cancelled", [new EpochReport { Epoch = 1, ValAccuracy = 0.6 }], out var stops));

        Assert.Empty(stops);
        Assert.Equal(TrialState.Running, book.Trial(5)!.State);
        Assert.Equal(TrialState.Cancelled, book.Trial(6)!.State);
    }
}
