using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;

namespace AslSweep.Sweeps.Tests.Bookkeeping;

public sealed class SweepBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static SweepBook Started(int maxFailures = 2) => SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
    {
        MaxFailures = maxFailures,
        Parameters = [new ParameterSpec { Name = "conv_dropout", Values = ["0.1"] }],
    }, Now);

    private static SweepBook Asha() => SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
    {
        IncludeBaseline = false,
        Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, GracePeriod = 1, ReductionFactor = 2 },
        Parameters = [new ParameterSpec { Name = "epochs", Values = ["4"] }, new ParameterSpec { Name = "conv_dropout", Values = ["0.1", "0.2"] }],
    }, Now);

    private static EpochReport Epoch(int n, double val = 0.5) => new() { Epoch = n, ValAccuracy = val };

    [Fact]
    public void Start_plansBaselineAndSearchAsPending()
    {
        var book = Started();

        Assert.Equal(2, book.State.Trials.Count);
        Assert.All(book.State.Trials, t => Assert.Equal(TrialState.Pending, t.State));
        Assert.Equal(SweepState.Running, book.State.State);
    }

    [Fact]
    public void RecordEpoch_staleAttemptOrRepeat_isIgnoredAndEpochsStayUnique()
    {
        var book = Started();
        var trial = book.State.Trials[0];
        book.Assign(trial, "w");

        Assert.True(book.RecordEpoch(1, 1, Epoch(1), out _));
        Assert.False(book.RecordEpoch(1, 1, Epoch(1), out _));
        Assert.False(book.RecordEpoch(1, 0, Epoch(2), out _));
        Assert.True(book.Finish(1, 1, TrialOutcome.Completed, "done", [Epoch(1), Epoch(2)]));

        Assert.Equal([1, 2], trial.Epochs.Select(e => e.Epoch).ToArray());
        Assert.Equal(TrialState.Completed, trial.State);
    }

    [Fact]
    public void Finish_failed_retriesUntilMaxFailuresThenFails()
    {
        var book = Started(maxFailures: 2);
        var trial = book.State.Trials[0];

        book.Assign(trial, "w");
        book.Finish(1, 1, TrialOutcome.Failed, "boom", []);
        Assert.Equal(TrialState.Pending, trial.State);
        Assert.Contains("retrying", trial.Message, StringComparison.Ordinal);

        book.Assign(trial, "w");
        book.Finish(1, 2, TrialOutcome.Failed, "boom", []);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Equal(2, trial.Attempts);
    }

    [Fact]
    public void Finish_retriedAttemptWhoseFinalReportCarriesAStoppingEpoch_stopsInsteadOfRetrying()
    {
        // The epochs only the final report carried were scheduled after the trial left Running, so the scheduler's
        // stop was dropped, the trial retried, and the rung never looked at again: it ran to Completed.
        var book = SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
        {
            IncludeBaseline = false,
            MaxFailures = 3,
            Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, GracePeriod = 1, ReductionFactor = 2 },
            Parameters = [new ParameterSpec { Name = "epochs", Values = ["4"] }, new ParameterSpec { Name = "conv_dropout", Values = ["0.1", "0.2"] }],
        }, Now);
        book.Assign(book.Trial(1)!, "w1");
        Assert.True(book.RecordEpoch(1, 1, Epoch(1, 0.9), out _));
        book.Assign(book.Trial(2)!, "w2");

        Assert.True(book.Finish(2, 1, TrialOutcome.Failed, "boom", [Epoch(1, 0.1)]));

        Assert.Equal(TrialState.Stopped, book.Trial(2)!.State);
        Assert.Equal(2, Assert.Single(book.State.Decisions).TrialId);
        Assert.Equal(0, book.Trial(2)!.Failures);
    }

    [Fact]
    public void SkipUnsavedAttempts_afterReactivation_waitingTrialsNeverReuseANumberTheLostActivationMayHaveGiven()
    {
        var book = Started();
        var running = book.State.Trials[0];
        var waiting = book.State.Trials[1];
        book.Assign(running, "w1");
        // Attempt 1 of the waiting trial may have started on a worker just before the old activation was lost.
        int lost = waiting.Attempts + 1;

        Assert.True(book.SkipUnsavedAttempts());

        Assert.Equal(1, running.Attempts);
        Assert.True(book.Assign(waiting, "w2").Attempt > lost);
        Assert.False(book.SkipUnsavedAttempts());
    }

    [Fact]
    public void ApplyLostStops_decisionLostWithTheStateWrittenAfterTheCurves_stopsTheTrialAtReactivation()
    {
        var book = Asha();
        book.Assign(book.Trial(1)!, "w1");
        book.Assign(book.Trial(2)!, "w2");
        Assert.True(book.RecordEpoch(1, 1, Epoch(1, 0.9), out _));
        Assert.True(book.RecordEpoch(2, 1, Epoch(1, 0.1), out var stops));
        Assert.Single(stops);

        // The curves (with the scheduler results) were written; the state holding the decision was not.
        var saved = book.State;
        saved.Trials[1].State = TrialState.Running;
        saved.Trials[1].Message = null;
        saved.Decisions.Clear();
        var reactivated = new SweepBook(saved);

        var lost = reactivated.ApplyLostStops();

        Assert.Equal((2, 1), (Assert.Single(lost).TrialId, lost[0].Epoch));
        Assert.Equal(TrialState.Stopped, reactivated.Trial(2)!.State);
        Assert.Equal(2, Assert.Single(saved.Decisions).TrialId);
        Assert.Equal(TrialState.Running, reactivated.Trial(1)!.State);
        Assert.Empty(reactivated.ApplyLostStops());
    }

    [Fact]
    public void ApplyLostStops_stopAlreadySaved_changesNothing()
    {
        var book = Asha();
        book.Assign(book.Trial(1)!, "w1");
        book.Assign(book.Trial(2)!, "w2");
        book.RecordEpoch(1, 1, Epoch(1, 0.9), out _);
        book.RecordEpoch(2, 1, Epoch(1, 0.1), out _);

        var reactivated = new SweepBook(book.State);

        Assert.Empty(reactivated.ApplyLostStops());
        Assert.Single(book.State.Decisions);
    }

    [Theory]
    [InlineData(TrialOutcome.Interrupted)]
    [InlineData(TrialOutcome.Failed)]
    [InlineData(null)]
    public void SkipUnsavedAttempts_trialRunningAtReactivationWaitsAgain_neverReusesTheNumberTheLostActivationMayHaveGiven(TrialOutcome? outcome)
    {
        // The lost activation may have taken attempt 1's end (or lost its worker), given attempt 2 to another worker
        // and died before saving: the state still says attempt 1 runs.
        var book = Started(maxFailures: 3);
        var trial = book.State.Trials[0];
        book.Assign(trial, "w1");
        var reactivated = new SweepBook(book.State);
        reactivated.SkipUnsavedAttempts();

        if (outcome is { } ended)
        {
            Assert.True(reactivated.Finish(trial.TrialId, 1, ended, "attempt 1 ended", []));
        }
        else
        {
            reactivated.Requeue(trial, "worker w1 is gone");
        }

        Assert.Equal(TrialState.Pending, trial.State);
        Assert.Equal(3, reactivated.Assign(trial, "w2").Attempt);

        // Only once: attempt 3 waiting again gives 4.
        reactivated.Finish(trial.TrialId, 3, TrialOutcome.Interrupted, "drained", []);
        Assert.Equal(4, reactivated.Assign(trial, "w1").Attempt);
    }

    [Fact]
    public void Finish_interrupted_requeuesWithoutCountingAFailure()
    {
        var book = Started(maxFailures: 1);
        var trial = book.State.Trials[0];
        book.Assign(trial, "w");

        book.Finish(1, 1, TrialOutcome.Interrupted, "silo stopping", [Epoch(1)]);

        Assert.Equal(TrialState.Pending, trial.State);
        Assert.Equal(0, trial.Failures);
        Assert.Single(trial.Epochs);
    }

    [Fact]
    public void Cancel_endsPendingNowAndRunningWhenTheyReport()
    {
        var book = Started();
        book.Assign(book.State.Trials[0], "w");

        var running = book.Cancel(Now);
        book.Finish(1, 1, TrialOutcome.Cancelled, "cancelled", []);

        Assert.Single(running);
        Assert.Equal(SweepState.Cancelled, book.State.State);
        Assert.All(book.State.Trials, t => Assert.Equal(TrialState.Cancelled, t.State));
        Assert.False(book.CompleteIfDone(Now));
    }

    [Fact]
    public void CompleteIfDone_allFinal_completesOnce()
    {
        var book = Started();
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, "w");
            book.Finish(trial.TrialId, 1, TrialOutcome.Completed, "ok", [Epoch(1)]);
        }

        Assert.True(book.CompleteIfDone(Now));
        Assert.False(book.CompleteIfDone(Now));
        Assert.Equal(SweepState.Completed, book.ToStatus().State);
    }
}
