using AslSweep.Training.Trainer;
using AslSweep.Tests.Shared;

namespace AslSweep.Training.Tests.Trainer;

/// <summary>
/// Issue 16, item 3: every attempt of a trial wrote the same checkpoint folder, so a superseded attempt (after a lost
/// coordinator, or a requeue while it still ran) overwrote the newer attempt's checkpoint. Real sessions, tiny data.
/// </summary>
public sealed class CheckpointFenceTests : IClassFixture<TinyData>, IDisposable
{
    private readonly TinyData _data;
    private readonly TempFolder _temp = new();

    public CheckpointFenceTests(TinyData data) => _data = data;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_olderWriterAfterANewerOne_stopsWithoutTouchingTheCheckpoint()
    {
        string folder = _temp.File("trial-1");
        Train(folder, writer: 2, epochs: 2);
        byte[] before = File.ReadAllBytes(Path.Combine(folder, "current", "state.json"));

        var e = Assert.Throws<CheckpointFencedException>(() => Train(folder, writer: 1, epochs: 3));

        Assert.Contains("attempt 1 was superseded by attempt 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "current", "state.json")));
    }

    [Fact]
    public void Run_supersededWhileTraining_writesNoFurtherCheckpoint()
    {
        string folder = _temp.File("trial-2");
        using var session = new TrainingSession(TinyData.Config(epochs: 4), TorchSharp.torch.CPU);
        var observer = new SupersedeAfter(folder, epoch: 1, newer: 5);

        Assert.Throws<CheckpointFencedException>(() => session.Run(_data.Train, _data.Valid, new TrainingRunOptions { CheckpointDirectory = folder, CheckpointWriter = 4, Observer = observer }));

        Assert.Equal(1, observer.Checkpoints);
        Assert.Empty(Directory.GetDirectories(folder, ".partial-*"));
    }

    [Fact]
    public void Run_newerWriter_resumesAndOwnsTheFolder()
    {
        string folder = _temp.File("trial-3");
        Train(folder, writer: 1, epochs: 2);

        var result = Train(folder, writer: 2, epochs: 2);

        Assert.Equal(2, result.Epochs.Count);
        Assert.Equal("2", File.ReadAllText(Path.Combine(folder, CheckpointFence.FileName)));
    }

    [Fact]
    public void Release_thenAnAttemptStillRunning_isFencedAndCannotRecreateTheCheckpoint()
    {
        // Released under keep_checkpoints after the trial ended; its stopped attempt was still finishing a batch.
        string folder = _temp.File("trial-4");
        Train(folder, writer: 3, epochs: 1);

        CheckpointFence.Release(folder);
        var e = Assert.Throws<CheckpointFencedException>(() => Train(folder, writer: 3, epochs: 2));

        Assert.Contains("the checkpoints were released", e.Message, StringComparison.Ordinal);
        Assert.Equal([CheckpointFence.FileName], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Release_whileAWriterIsBetweenItsCheckAndItsRename_waitsForItAndLeavesNoCheckpoint()
    {
        // Without the lock a release falling between a writer's check and its rename let the checkpoint come back.
        string folder = _temp.File("trial-5");
        CheckpointFence.Claim(folder, 1);
        using var entered = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();
        var writer = Task.Run(() => CheckpointFence.CheckThen(folder, 1, () =>
        {
            entered.Set();
            proceed.Wait(TimeSpan.FromSeconds(10));
            Directory.CreateDirectory(Path.Combine(folder, "current"));
        }));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)));

        var release = Task.Run(() => CheckpointFence.Release(folder));

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(release.IsCompleted, "the release went ahead while a writer was between its check and its rename");
        proceed.Set();
        await Task.WhenAll(writer, release).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([CheckpointFence.FileName], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Throws<CheckpointFencedException>(() => CheckpointFence.CheckThen(folder, 1, () => Directory.CreateDirectory(Path.Combine(folder, "current"))));
    }

    private TrainingResult Train(string folder, long writer, int epochs)
    {
        using var session = new TrainingSession(TinyData.Config(epochs), TorchSharp.torch.CPU);
        return session.Run(_data.Train, _data.Valid, new TrainingRunOptions { CheckpointDirectory = folder, CheckpointWriter = writer });
    }

    // After the given epoch's checkpoint, a newer attempt claims the folder, as a requeued trial's new attempt would.
    private sealed class SupersedeAfter(string folder, int epoch, long newer) : ITrainingObserver
    {
        public int Checkpoints { get; private set; }

        public void OnBatch(BatchProgress progress)
        {
        }

        public void OnEpoch(EpochMetrics metrics)
        {
        }

        public void OnCheckpoint(int completed, TimeSpan duration)
        {
            Checkpoints++;
            if (completed == epoch)
            {
                CheckpointFence.Claim(folder, newer);
            }
        }
    }
}
