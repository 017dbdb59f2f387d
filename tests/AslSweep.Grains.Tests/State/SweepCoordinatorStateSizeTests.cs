using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Grains.Tests.Contracts;
using AslSweep.Sweeps.Bookkeeping;
using Xunit.Abstractions;

namespace AslSweep.Grains.Tests.State;

/// <summary>
/// What a coordinator writes to storage, measured with the serializer the Redis storage uses (Orleans' binary
/// serializer): the sweep's state on every tick that changed anything, and the curve record of each trial whose
/// curve changed. The README quotes these figures.
/// </summary>
public sealed class SweepCoordinatorStateSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Serialize_sweepStateWithoutCurves_doesNotGrowWithEpochsAndATickWritesOneCurve()
    {
        long shortCurves = Size(State(trials: 1000, epochs: 2));
        long longCurves = Size(State(trials: 1000, epochs: 100));
        var state = State(trials: 1000, epochs: 100);
        var trial = state.Trials[0];
        long curve = Size(new TrialCurveState { TrialId = 1, Epochs = trial.Epochs, SchedulerResults = [.. state.SchedulerResults.Where(r => r.TrialId == 1)] });
        // The layout before: every curve and result inside the sweep's state.
        foreach (var t in state.Trials)
        {
            t.SavedEpochs = t.Epochs;
        }

        state.SavedSchedulerResults = state.SchedulerResults;
        long before = Size(state);

        output.WriteLine($"1,000 trials x 100 epochs: sweep state {longCurves:N0} bytes ({shortCurves:N0} at 2 epochs), one trial's curve record {curve:N0} bytes; a tick after one epoch writes {longCurves + curve:N0} bytes, where the whole state was {before:N0} bytes ({(double)before / (longCurves + curve):F0}x)");
        Assert.Equal(shortCurves, longCurves);
        Assert.InRange(curve / 100.0, 80, 130);
        Assert.True(before > 20 * (longCurves + curve), $"{before} vs {longCurves + curve}");
    }

    [Fact]
    public void Serialize_summaryOfALongSweep_isAFewHundredBytesPerTrialWhateverTheEpochs()
    {
        var book = new SweepBook(State(trials: 1000, epochs: 100));

        long full = WireSerializer.Instance.SerializeToArray(book.ToStatus()).LongLength;
        long summary = WireSerializer.Instance.SerializeToArray(book.ToStatus(summary: true)).LongLength;

        output.WriteLine($"status of 1,000 trials x 100 epochs: {full:N0} bytes in full, {summary:N0} bytes as the summary a live view polls each second");
        Assert.InRange(summary / 1000.0, 50, 400);
        Assert.True(full > 20 * summary, $"{full} vs {summary}");
    }

    private static long Size<T>(T value) => WireSerializer.Instance.SerializeToArray(value).LongLength;

    private static SweepCoordinatorState State(int trials, int epochs)
    {
        var random = new Random(1);
        var state = new SweepCoordinatorState
        {
            SweepId = "size",
            Spec = new SweepSpec { Name = "size" },
            State = SweepState.Running,
            Trials = [.. Enumerable.Range(1, trials).Select(t => new TrialProgressState
            {
                TrialId = t,
                Config = TrialConfig.Notebook with { Seed = t },
                State = TrialState.Completed,
                Attempts = 1,
                Worker = "silo-1/cpu/0",
                Message = "completed",
                Epochs = [.. Enumerable.Range(1, epochs).Select(e => new EpochReport
                {
                    Epoch = e,
                    TrainLoss = random.NextDouble(),
                    TrainAccuracy = random.NextDouble(),
                    ValLoss = random.NextDouble(),
                    ValAccuracy = random.NextDouble(),
                    LearningRate = 1e-3,
                    Seconds = 10 * random.NextDouble(),
                    SamplesPerSecond = 1000 * random.NextDouble(),
                })],
            })],
            SchedulerResults = [.. Enumerable.Range(1, trials).SelectMany(t => Enumerable.Range(1, epochs).Select(e => new SchedulerResultState { TrialId = t, Epoch = e, Value = random.NextDouble() }))],
        };
        return state;
    }
}
