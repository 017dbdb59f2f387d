using AslSweep.Tests.Shared;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Trainer;

public sealed class TrainingSessionTests(TinyData data) : IClassFixture<TinyData>
{
    private TrainingResult Train(TrainingConfig config, TrainingRunOptions? options = null, CancellationToken cancellation = default)
    {
        using var session = new TrainingSession(config, CPU);
        return session.Run(data.Train, data.Valid, options, cancellation);
    }

    [Fact]
    public void Run_seedConfig_learnsAndReportsEveryEpoch()
    {
        var result = Train(TinyData.Config(epochs: 4));

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.Equal([1, 2, 3, 4], result.Epochs.Select(e => e.Epoch).ToArray());
        Assert.True(result.Epochs[^1].TrainAccuracy > 0.5, $"train accuracy {result.Epochs[^1].TrainAccuracy}");
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss);
        Assert.All(result.Epochs, e => Assert.True(e.SamplesPerSecond > 0 && e.Seconds > 0 && double.IsFinite(e.ValLoss)));
    }

    [Fact]
    public void Run_sameSeedTwice_givesIdenticalCurves()
    {
        var config = TinyData.Config() with { Augmentation = AugmentationOptions.Standard };

        var a = Train(config);
        var b = Train(config);

        Assert.Equal(Curve(a), Curve(b));
    }

    [Fact]
    public void Run_otherSeed_givesOtherCurve()
    {
        var a = Train(TinyData.Config());
        var b = Train(TinyData.Config() with { Seed = 6 });

        Assert.NotEqual(Curve(a), Curve(b));
    }

    [Fact]
    public void Run_resumedFromCheckpoint_equalsUninterruptedRun()
    {
        using var temp = new TempFolder();
        var config = TinyData.Config(epochs: 4) with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Moving, LrSchedule = new LrScheduleOptions { Kind = LrScheduleKind.ReduceOnPlateau, Patience = 0 } };
        var uninterrupted = Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("a") });

        using var cancel = new CancellationTokenSource();
        var first = Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("b"), Observer = new CancelAfter(2, cancel) }, cancel.Token);
        var observed = new Recording();
        var resumed = Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("b"), Observer = observed });

        Assert.Equal(TrainingOutcome.Cancelled, first.Outcome);
        Assert.Equal(2, first.Epochs.Count);
        Assert.Equal(TrainingOutcome.Completed, resumed.Outcome);
        Assert.Equal(Curve(uninterrupted), Curve(resumed));
        // The restored epochs are handed over once, the trained ones one by one.
        Assert.Equal([1, 2], observed.Resumed);
        Assert.Equal([3, 4], observed.Epochs);
    }

    [Fact]
    public void Run_anyBnStats_recordsBothViewsEveryEpochAndTrainsTheSame()
    {
        // Issue 17: bn_stats chose which view was measured, so under auto the moving view (the notebook's) was gone.
        var moving = TinyData.Config() with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Moving };

        var a = Train(moving);
        var b = Train(moving with { BatchNormStatistics = BatchNormStatistics.Recomputed });

        Assert.Equal(Training(a), Training(b));
        Assert.Equal(Curve(a), Curve(b));
        Assert.Equal(Recomputed(a), Recomputed(b));
        Assert.All(a.Epochs, e => Assert.True(double.IsFinite(e.RecomputedValAccuracy)));
        Assert.NotEqual(a.Epochs.Select(e => e.ValLoss), a.Epochs.Select(e => e.RecomputedValLoss));
    }

    [Fact]
    public void Run_autoBatchNormStatisticsOnShortEpochs_validatesLikeRecomputed()
    {
        var config = TinyData.Config() with { Augmentation = AugmentationOptions.Standard };

        var auto = Train(config with { BatchNormStatistics = BatchNormStatistics.Auto });
        var recomputed = Train(config with { BatchNormStatistics = BatchNormStatistics.Recomputed });

        Assert.Equal(Curve(recomputed), Curve(auto));
    }

    [Fact]
    public void Run_recomputedBatchNormStatistics_checkpointHoldsTheMovingAveragesOfAMovingRun()
    {
        using var temp = new TempFolder();
        var moving = TinyData.Config() with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Moving };

        Train(moving, new TrainingRunOptions { CheckpointDirectory = temp.File("moving") });
        Train(moving with { BatchNormStatistics = BatchNormStatistics.Recomputed }, new TrainingRunOptions { CheckpointDirectory = temp.File("recomputed") });

        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("moving"), "current", "model.bin")), File.ReadAllBytes(Path.Combine(temp.File("recomputed"), "current", "model.bin")));
    }

    [Fact]
    public void Run_recomputedBatchNormStatistics_resumedEqualsUninterrupted()
    {
        using var temp = new TempFolder();
        var config = TinyData.Config(epochs: 4) with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Recomputed };
        var uninterrupted = Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("a") });

        using var cancel = new CancellationTokenSource();
        Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("b"), Observer = new CancelAfter(2, cancel) }, cancel.Token);
        var resumed = Train(config, new TrainingRunOptions { CheckpointDirectory = temp.File("b") });

        Assert.Equal(Curve(uninterrupted), Curve(resumed));
    }

    [Fact]
    public void Run_recomputedBatchNormStatistics_resumedAfterTheLastEpochSavesTheValidatedStatistics()
    {
        using var temp = new TempFolder();
        var config = TinyData.Config(epochs: 2) with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Recomputed };
        var options = new TrainingRunOptions { CheckpointDirectory = temp.File("c") };
        using (var first = new TrainingSession(config, CPU))
        {
            first.Run(data.Train, data.Valid, options);
            first.SaveWeights(temp.File("first.bin"));
        }

        using var resumed = new TrainingSession(config, CPU);
        var result = resumed.Run(data.Train, data.Valid, options);
        resumed.SaveWeights(temp.File("resumed.bin"));

        Assert.Equal(2, result.Epochs.Count);
        Assert.Equal((result.Epochs[^1].RecomputedValLoss, result.Epochs[^1].RecomputedValAccuracy), resumed.Evaluate(data.Valid));
        Assert.Equal(File.ReadAllBytes(temp.File("first.bin")), File.ReadAllBytes(temp.File("resumed.bin")));
    }

    [Fact]
    public void Run_recomputedBatchNormStatistics_resumedAfterTheLastEpochWithoutValidatedWeights_isRefused()
    {
        using var temp = new TempFolder();
        var config = TinyData.Config(epochs: 1) with { BatchNormStatistics = BatchNormStatistics.Recomputed };
        var options = new TrainingRunOptions { CheckpointDirectory = temp.File("c") };
        Train(config, options);
        string state = Path.Combine(temp.File("c"), "current", "state.json");
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"validated-model.bin\"", "\"dropped.bin\"", StringComparison.Ordinal));

        var e = Assert.Throws<CheckpointException>(() => Train(config, options));

        Assert.Contains("validated-model.bin: content hash mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_recomputedBatchNormStatistics_savedAndExportedModelsScoreTheLastReportedAccuracy()
    {
        using var temp = new TempFolder();
        var config = TinyData.Config() with { Augmentation = AugmentationOptions.Standard, BatchNormStatistics = BatchNormStatistics.Recomputed };
        EpochMetrics last;
        using (var session = new TrainingSession(config, CPU))
        {
            last = session.Run(data.Train, data.Valid, new TrainingRunOptions { CheckpointDirectory = temp.File("c") }).Epochs[^1];
            Assert.Equal((last.RecomputedValLoss, last.RecomputedValAccuracy), session.Evaluate(data.Valid));
            session.SaveWeights(temp.File("saved.bin"));
            Assert.Equal(BatchNormStatistics.Recomputed, session.WeightsStatistics);
        }

        Assert.Equal(BatchNormStatistics.Recomputed, TrainingCheckpoint.ExportWeights(temp.File("c"), temp.File("exported.bin")));
        foreach (string file in new[] { "saved.bin", "exported.bin" })
        {
            using var fresh = new TrainingSession(config, CPU);
            fresh.Model.load(temp.File(file));
            Assert.Equal((last.RecomputedValLoss, last.RecomputedValAccuracy), fresh.Evaluate(data.Valid));
        }
    }

    [Fact]
    public void Run_checkpointOfOtherConfig_isRefused()
    {
        using var temp = new TempFolder();
        Train(TinyData.Config(epochs: 1), new TrainingRunOptions { CheckpointDirectory = temp.Path });

        var e = Assert.Throws<CheckpointException>(() => Train(TinyData.Config(epochs: 2) with { Seed = 9 }, new TrainingRunOptions { CheckpointDirectory = temp.Path }));

        Assert.Contains("different configuration (epochs: 1 in the checkpoint, 2 now; seed: 5 in the checkpoint, 9 now)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_corruptCheckpoint_isRefusedWithReason()
    {
        using var temp = new TempFolder();
        Train(TinyData.Config(epochs: 1), new TrainingRunOptions { CheckpointDirectory = temp.Path });
        string model = Path.Combine(temp.Path, "current", "model.bin");
        var bytes = File.ReadAllBytes(model);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(model, bytes);

        var e = Assert.Throws<CheckpointException>(() => Train(TinyData.Config(epochs: 2), new TrainingRunOptions { CheckpointDirectory = temp.Path }));

        Assert.Contains("hash mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_hugeLearningRate_endsDivergedWithMessage()
    {
        var config = TinyData.Config(epochs: 5) with { Optimizer = OptimizerKind.Sgd, LearningRate = 10, Momentum = 0.99, Model = new() { BatchNorm = false } };

        var result = Train(config);

        Assert.Equal(TrainingOutcome.Diverged, result.Outcome);
        Assert.Contains("diverged", result.Message, StringComparison.Ordinal);
        Assert.Contains("passed its numerics probe", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_nanLossOnBackendThatFailedItsProbe_isNumericsFaultNotDiverged()
    {
        var config = TinyData.Config(epochs: 5) with { Optimizer = OptimizerKind.Sgd, LearningRate = 10, Momentum = 0.99, Model = new() { BatchNorm = false } };
        var failed = TorchNumerics.Ensure() with { ProbePassed = false, Finding = "forward: 3 of 9 values are NaN", Cpu = "Test CPU" };

        var result = Train(config, new TrainingRunOptions { Numerics = failed });

        Assert.Equal(TrainingOutcome.NumericsFault, result.Outcome);
        Assert.DoesNotContain("diverged", result.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED its numerics probe on Test CPU", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_cancelledBeforeStart_keepsNothingAndSaysSo()
    {
        var result = Train(TinyData.Config(), cancellation: new CancellationToken(canceled: true));

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Empty(result.Epochs);
    }

    [Fact]
    public void Run_earlyStopping_stopsBeforeLastEpoch()
    {
        var config = TinyData.Config(epochs: 40) with { EarlyStoppingPatience = 1, LearningRate = 3e-3 };

        var result = Train(config);

        Assert.Equal(TrainingOutcome.EarlyStopped, result.Outcome);
        Assert.True(result.Epochs.Count < 40);
        Assert.True(result.Epochs[^1].ValLoss >= result.Epochs.Min(e => e.ValLoss));
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Sgd)]
    public void Run_otherOptimizers_train(OptimizerKind optimizer)
    {
        var result = Train(TinyData.Config(epochs: 2) with { Optimizer = optimizer, LearningRate = 0.01, WeightDecay = 1e-4, LabelSmoothing = 0.1, LrSchedule = new() { Kind = LrScheduleKind.Cosine } });

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.True(result.Epochs[1].LearningRate < result.Epochs[0].LearningRate, "cosine lowers the rate");
    }

    [Fact]
    public void Run_observer_getsEveryBatchAndEpoch()
    {
        var observer = new Recording();

        Train(TinyData.Config(epochs: 2), new TrainingRunOptions { Observer = observer });

        Assert.Equal(2 * 6, observer.Batches.Count); // 96 images / 16
        Assert.Equal([1, 2], observer.Epochs.ToArray());
        Assert.All(observer.Batches, b => Assert.Equal(6, b.Batches));
    }

    private static string Training(TrainingResult result) =>
        string.Join(";", result.Epochs.Select(e => FormattableString.Invariant($"{e.TrainLoss:R},{e.TrainAccuracy:R}")));

    private static string Recomputed(TrainingResult result) =>
        string.Join(";", result.Epochs.Select(e => FormattableString.Invariant($"{e.RecomputedValLoss:R},{e.RecomputedValAccuracy:R}")));

    private static string Curve(TrainingResult result) =>
        string.Join(";", result.Epochs.Select(e => FormattableString.Invariant($"{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValLoss:R},{e.ValAccuracy:R},{e.LearningRate:R}")));

    private sealed class CancelAfter(int epochs, CancellationTokenSource cancel) : ITrainingObserver
    {
        public void OnEpoch(EpochMetrics metrics)
        {
            if (metrics.Epoch == epochs)
            {
                cancel.Cancel();
            }
        }
    }

    private sealed class Recording : ITrainingObserver
    {
        public List<BatchProgress> Batches { get; } = [];

        public List<int> Epochs { get; } = [];

        public List<int> Resumed { get; } = [];

        public void OnBatch(BatchProgress progress) => Batches.Add(progress);

        public void OnResumed(IReadOnlyList<EpochMetrics> history) => Resumed.AddRange(history.Select(e => e.Epoch));

        public void OnEpoch(EpochMetrics metrics) => Epochs.Add(metrics.Epoch);
    }
}
