using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Trainer;

[Collection(GarbageCollectionStormCollection.Name)]
public sealed class TrainingSessionStormTests(TinyData data) : IClassFixture<TinyData>
{
    [Fact]
    public void Run_whileAnotherThreadCollectsGarbage_completesLikeACalmRun()
    {
        // The whole trainer (augmentation, dropout, batch norm, optimiser, evaluation) under the storm: it must
        // not fail, and must not read a wrong coefficient either, so the curve must equal a calm run's bit for bit.
        var config = TinyData.Config(epochs: 6) with { Augmentation = AugmentationOptions.Standard };

        // Both runs on one intra-op thread (as the storm sets it), so that their sums add up in the same order.
        int threads = get_num_threads();
        set_num_threads(1);
        TrainingResult calm, stormy;
        try
        {
            calm = Train(data, config);
            using var storm = new GarbageCollectionStorm();
            stormy = Train(data, config);
        }
        finally
        {
            set_num_threads(threads);
        }

        Assert.Equal(TrainingOutcome.Completed, stormy.Outcome);
        Assert.Equal(calm.Epochs.Select(e => e.ValLoss), stormy.Epochs.Select(e => e.ValLoss));
    }

    private static TrainingResult Train(TinyData data, TrainingConfig config)
    {
        using var session = new TrainingSession(config, CPU);
        return session.Run(data.Train, data.Valid);
    }
}
