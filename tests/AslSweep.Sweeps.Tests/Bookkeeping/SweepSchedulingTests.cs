using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;
using AslSweep.Sweeps.Tests.Scheduling;

namespace AslSweep.Sweeps.Tests.Bookkeeping;

public sealed class SweepSchedulingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Baseline (trial 1) plus five seeds, ASHA with rungs at 1 and 3 epochs, last_k 1.</summary>
    private static SweepBook Started() => SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
    {
        Metric = new MetricSpec { LastK = 1 },
        Scheduler = new SchedulerSpec { Type = "asha", ReductionFactor = 3, GracePeriod = 1 },
        Parameters = [new ParameterSpec { Name = "epochs", Values = ["9"] }, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }],
    }, Now);

    /// <summary>Runs the recorded curves through a book round-robin; trial t+1 follows curve t.</summary>
    private static List<SchedulingDecision> Run(SweepBook book, Func<SweepScheduling> scheduling)
    {
        var curves = AshaSchedulerTests.RecordedCurves();
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        var stops = new List<SchedulingDecision>();
        foreach (var (t, epoch, value) in AshaSchedulerTests.Interleave(curves))
        {
            var trial = book.Trial(t)!;
            if (trial.State == TrialState.Running && book.RecordEpoch(t, 1, new EpochReport { Epoch = epoch, ValAccuracy = value }) && scheduling().Observe(trial) is { } stop)
            {
                book.Stop(trial, stop);
                stops.Add(stop);
            }
        }

        return stops;
    }

    [Fact]
    public void Observe_recordedCurves_stopsPoorTrialsKeepsCurvesAndNeverTheBaseline()
    {
        var book = Started();
        var scheduling = new SweepScheduling(book.State);

        var stops = Run(book, () => scheduling);

        // At the epoch-1 rung (eta 3), trials 2, 4, 5 and 6 fall below the top third of those recorded before them;
        // trial 1 (the baseline) and trial 3 follow the two good curves.
        Assert.Equal([2, 4, 5, 6], stops.Select(s => s.TrialId).Order());
        Assert.All(stops, s => Assert.Equal(TrialState.Stopped, book.Trial(s.TrialId)!.State));
        Assert.All(stops, s => Assert.Equal(Enumerable.Range(1, s.Epoch), book.Trial(s.TrialId)!.Epochs.Select(e => e.Epoch)));
        Assert.All(stops, s => Assert.StartsWith("ASHA rung at epoch", s.Reason, StringComparison.Ordinal));
        Assert.Equal(stops, book.ToStatus().Decisions);
        Assert.Equal(TrialState.Running, book.Trial(1)!.State);
    }

    [Fact]
    public void Observe_schedulerRebuiltAfterEveryResult_decidesExactlyAsOneInstance()
    {
        var live = Started();
        var replayed = Started();
        var single = new SweepScheduling(live.State);

        var expected = Run(live, () => single);
        // A fresh scheduler per result: it must rebuild itself from the persisted results (a reactivation).
        var actual = Run(replayed, () => new SweepScheduling(replayed.State));

        Assert.Equal(expected, actual);
        Assert.Equal(live.State.SchedulerResults.Count, replayed.State.SchedulerResults.Count);
    }

    [Fact]
    public void Observe_fifo_neverStops()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
        {
            Parameters = [new ParameterSpec { Name = "epochs", Values = ["9"] }, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }],
        }, Now);
        var scheduling = new SweepScheduling(book.State);

        Assert.Empty(Run(book, () => scheduling));
    }
}
