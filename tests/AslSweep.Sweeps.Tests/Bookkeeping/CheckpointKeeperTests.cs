using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;

namespace AslSweep.Sweeps.Tests.Bookkeeping;

public sealed class CheckpointKeeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Baseline (trial 1) plus seeds 1-5 (trials 2-6), 3 epochs, last_k 1, one attempt each.</summary>
    private static SweepBook Started(int? keep) => SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
    {
        Metric = new MetricSpec { LastK = 1 },
        MaxFailures = 1,
        KeepCheckpoints = keep,
        Parameters = [new ParameterSpec { Name = "epochs", Values = ["3"] }, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }],
    }, Now);

    /// <summary>Three epochs ending at <paramref name="accuracy"/>, training accuracy just above: converged.</summary>
    private static EpochReport[] Curve(double accuracy) =>
        [.. Enumerable.Range(1, 3).Select(e => new EpochReport { Epoch = e, ValAccuracy = accuracy, TrainAccuracy = Math.Min(1, accuracy + 0.01), ValLoss = 1 - accuracy, TrainLoss = 1 - accuracy })];

    private static void End(SweepBook book, int trialId, TrialOutcome outcome, double accuracy)
    {
        var trial = book.Trial(trialId)!;
        if (trial.State == TrialState.Pending)
        {
            book.Assign(trial, $"w{trialId}");
        }

        Assert.True(book.Finish(trialId, trial.Attempts, outcome, "", Curve(accuracy)));
    }

    /// <summary>Baseline 0.85, trial 2 0.95 and trial 3 0.90 completed, 4 failed, 5 stopped after an epoch, 6 running.</summary>
    private static SweepBook MidSweep(int? keep)
    {
        var book = Started(keep);
        End(book, 1, TrialOutcome.Completed, 0.85);
        End(book, 2, TrialOutcome.Completed, 0.95);
        End(book, 3, TrialOutcome.Completed, 0.90);
        End(book, 4, TrialOutcome.Failed, 0.50);
        var stopped = book.Trial(5)!;
        book.Assign(stopped, "w5");
        book.RecordEpoch(5, stopped.Attempts, Curve(0.3)[0], out _);
        book.Stop(stopped, new SchedulingDecision { TrialId = 5, Epoch = 1, Value = 0.3, Reason = "ASHA" });
        book.Assign(book.Trial(6)!, "w6");
        return book;
    }

    [Fact]
    public void ToRelease_keepOne_releasesFinishedTrialsOutsideTheBestButNotBaselineRunningOrStopped()
    {
        var book = MidSweep(keep: 1);

        // Trial 2 is both the best and the recommendation; the stopped trial's worker may still be writing.
        Assert.Equal([3, 4], CheckpointKeeper.ToRelease(book));
    }

    [Fact]
    public void ToRelease_betterTrialLaterAndSweepOver_releasesTheDisplacedAndTheStoppedOnce()
    {
        var book = MidSweep(keep: 1);
        book.MarkReleased(CheckpointKeeper.ToRelease(book));
        Assert.Empty(CheckpointKeeper.ToRelease(book));

        End(book, 6, TrialOutcome.Completed, 0.97);
        Assert.True(book.CompleteIfDone(Now));

        Assert.Equal([2, 5], CheckpointKeeper.ToRelease(book));
    }

    [Fact]
    public void ToRelease_keepTwo_keepsTheTwoBest()
    {
        var book = MidSweep(keep: 2);

        Assert.Equal([4], CheckpointKeeper.ToRelease(book));
    }

    [Fact]
    public void ToRelease_noKeepOrCancelledSweep_releasesNothing()
    {
        Assert.Empty(CheckpointKeeper.ToRelease(MidSweep(keep: null)));
        var cancelled = MidSweep(keep: 1);
        cancelled.Cancel(Now);

        Assert.Empty(CheckpointKeeper.ToRelease(cancelled));
    }

    [Fact]
    public void ToRelease_replicates_releasesNothingBeforeTheEndThenKeepsTheBestConfigurationsFirstReplicate()
    {
        // Two configurations (dense units) of two seeds, no baseline, keep 1. Mid-sweep configuration B (trial 3,
        // 0.85) leads A (trial 1, 0.80); then A's second seed reaches 0.95 and B's 0.70: A's mean 0.875 wins, so trial 1,
        // released if the keeper had acted mid-sweep, becomes the recommendation.
        var book = SweepBook.Start(new SweepCoordinatorState(), "r", new SweepSpec
        {
            Metric = new MetricSpec { LastK = 1 },
            MaxFailures = 1,
            KeepCheckpoints = 1,
            IncludeBaseline = false,
            Replicates = 2,
            Parameters = [new ParameterSpec { Name = "epochs", Values = ["3"] }, new ParameterSpec { Name = "dense_units", Values = ["32", "64"] }],
        }, Now);
        End(book, 1, TrialOutcome.Completed, 0.80);
        End(book, 3, TrialOutcome.Completed, 0.85);

        Assert.Empty(CheckpointKeeper.ToRelease(book));

        End(book, 2, TrialOutcome.Completed, 0.95);
        End(book, 4, TrialOutcome.Completed, 0.70);
        Assert.True(book.CompleteIfDone(Now));

        Assert.Equal([2, 3, 4], CheckpointKeeper.ToRelease(book));
    }
}
