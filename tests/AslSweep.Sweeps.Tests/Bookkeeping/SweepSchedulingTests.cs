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
        Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, ReductionFactor = 3, GracePeriod = 1 },
        Parameters = [new ParameterSpec { Name = "epochs", Values = ["9"] }, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }],
    }, Now);

    /// <summary>
    /// Runs the recorded curves through a book round-robin; trial t+1 follows curve t. With
    /// <paramref name="reactivateEveryResult"/> a new book is made over the same state before every result, as a
    /// reactivated coordinator does: its scheduler must rebuild itself from the saved results.
    /// </summary>
    private static List<SchedulingDecision> Run(SweepBook book, bool reactivateEveryResult = false)
    {
        var curves = AshaSchedulerTests.RecordedCurves();
        foreach (var trial in book.State.Trials)
        {
            book.Assign(trial, $"w{trial.TrialId}");
        }

        var stops = new List<SchedulingDecision>();
        foreach (var (t, epoch, value) in AshaSchedulerTests.Interleave(curves))
        {
            book = reactivateEveryResult ? new SweepBook(book.State) : book;
            if (book.Trial(t)!.State == TrialState.Running && book.RecordEpoch(t, 1, new EpochReport { Epoch = epoch, ValAccuracy = value }, out var stopped))
            {
                stops.AddRange(stopped);
            }
        }

        return stops;
    }

    [Fact]
    public void RecordEpoch_recordedCurves_stopsPoorTrialsKeepsCurvesAndNeverTheBaseline()
    {
        var book = Started();

        var stops = Run(book);

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
    public void RecordEpoch_bookMadeAnewBeforeEveryResult_decidesExactlyAsOneBook()
    {
        var live = Started();
        var replayed = Started();

        var expected = Run(live);
        var actual = Run(replayed, reactivateEveryResult: true);

        Assert.Equal([2, 4, 5, 6], expected.Select(s => s.TrialId).Order());
        Assert.Equal(expected, actual);
        Assert.Equal(live.State.SchedulerResults.Count, replayed.State.SchedulerResults.Count);
    }

    [Fact]
    public void RecordEpoch_fifo_neverStops()
    {
        var book = SweepBook.Start(new SweepCoordinatorState(), "s1", new SweepSpec
        {
            Parameters = [new ParameterSpec { Name = "epochs", Values = ["9"] }, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }],
        }, Now);

        Assert.Empty(Run(book));
        Assert.NotEmpty(book.State.SchedulerResults);
    }

    [Fact]
    public void Observe_valLossMinimized_givesTheSchedulerTheNegatedLoss()
    {
        var spec = new SweepSpec
        {
            Metric = new MetricSpec { Name = MetricName.ValLoss, LastK = 2 },
            Parameters = [new ParameterSpec { Name = "epochs", Values = ["3"] }],
        };
        var trial = new TrialProgressState
        {
            TrialId = 1,
            State = TrialState.Running,
            Epochs = [new EpochReport { Epoch = 1, ValLoss = 0.5, ValAccuracy = 0.8 }, new EpochReport { Epoch = 2, ValLoss = 0.3, ValAccuracy = 0.9 }],
        };

        var (fed, _) = new SweepScheduling(spec, 3, []).Observe(trial);

        Assert.Equal([-0.5, -0.3], fed.Select(r => Math.Round(r.Value, 10)));
    }

    [Theory]
    [InlineData(null, 0.9)]
    [InlineData(ValidationView.Moving, 0.5)]
    public void Observe_eitherView_feedsTheSpecsView(ValidationView? view, double expected)
    {
        var metric = new MetricSpec { LastK = 1 };
        var spec = new SweepSpec { Metric = view is { } v ? metric with { Statistics = v } : metric, Parameters = [new ParameterSpec { Name = "epochs", Values = ["3"] }] };
        var trial = new TrialProgressState
        {
            TrialId = 1,
            State = TrialState.Running,
            Epochs = [new EpochReport { Epoch = 1, ValAccuracy = 0.5, RecomputedValAccuracy = 0.9 }],
        };

        var (fed, _) = new SweepScheduling(spec, 3, []).Observe(trial);

        Assert.Equal(expected, Assert.Single(fed).Value);
    }
}
