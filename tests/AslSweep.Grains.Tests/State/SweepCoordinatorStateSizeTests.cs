using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Grains.Tests.Contracts;
using AslSweep.Sweeps.Bookkeeping;
using Xunit.Abstractions;

namespace AslSweep.Grains.Tests.State;

/// <summary>
/// What a coordinator writes to storage: its whole state, on every tick that changed anything. Measured with the
/// serializer the Redis storage uses (Orleans' binary serializer); the README quotes these figures.
/// </summary>
public sealed class SweepCoordinatorStateSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Serialize_stateGrowsWithEveryEpoch_aboutAHundredBytesEach()
    {
        long small = Size(trials: 10, epochs: 20);
        long large = Size(trials: 1000, epochs: 100);

        double perEpoch = (large - small) / (1000.0 * 100 - (10 * 20));
        output.WriteLine($"coordinator state: {small:N0} bytes at 10 trials x 20 epochs, {large:N0} bytes at 1,000 x 100; {perEpoch:F0} bytes per epoch");
        // Every epoch costs its report (8 numbers) and the scheduler's result: a change here changes the README.
        Assert.InRange(perEpoch, 80, 130);
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

    private static long Size(int trials, int epochs) => WireSerializer.Instance.SerializeToArray(State(trials, epochs)).LongLength;

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
