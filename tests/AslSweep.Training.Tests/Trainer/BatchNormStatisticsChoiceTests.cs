using AslSweep.Training.Model;
using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class BatchNormStatisticsChoiceTests
{
    [Fact]
    public void MovingMinimumBatchesPerEpoch_isWhereTheStartValueFallsBelowOnePercentOfTheSmallestChannelVariance()
    {
        int n = BatchNormStatisticsChoice.MovingMinimumBatchesPerEpoch;

        // Issue 17: 459 batches (1% of the start value 1) left the real set's first epoch with 1.8e-4 of the start
        // value, more than the whole variance (1e-4) of the channels where validation dipped.
        Assert.Equal(1375, n);
        Assert.True(Math.Pow(1 - KerasBatchNorm2d.Momentum, n) < 1e-6);
        Assert.True(Math.Pow(1 - KerasBatchNorm2d.Momentum, n - 1) >= 1e-6);
        Assert.True(Math.Pow(1 - KerasBatchNorm2d.Momentum, 858) > 1e-4);
    }

    [Theory]
    [InlineData(2_400, 32, BatchNormStatistics.Recomputed)] // the synthetic default: 75 batches
    [InlineData(9_600, 32, BatchNormStatistics.Recomputed)] // 400 per class: 300 batches, measured to dip
    [InlineData(27_455, 32, BatchNormStatistics.Recomputed)] // the notebook's training set: 858 batches
    [InlineData(27_455, 128, BatchNormStatistics.Recomputed)] // 215 batches
    [InlineData(27_455, 16, BatchNormStatistics.Moving)] // 1,716 batches
    [InlineData(1374 * 32, 32, BatchNormStatistics.Recomputed)]
    [InlineData(1374 * 32 + 1, 32, BatchNormStatistics.Moving)] // a last partial batch counts
    public void Resolve_auto_dependsOnBatchesPerEpoch(int trainCount, int batchSize, BatchNormStatistics expected)
    {
        Assert.Equal(expected, BatchNormStatisticsChoice.Resolve(BatchNormStatistics.Auto, batchNorm: true, trainCount, batchSize));
    }

    [Fact]
    public void Resolve_autoWithoutBatchNorm_keepsMoving()
    {
        Assert.Equal(BatchNormStatistics.Moving, BatchNormStatisticsChoice.Resolve(BatchNormStatistics.Auto, batchNorm: false, 2_400, 32));
    }

    [Theory]
    [InlineData(BatchNormStatistics.Moving, 2_400)]
    [InlineData(BatchNormStatistics.Recomputed, 27_455)]
    public void Resolve_explicitChoice_isKept(BatchNormStatistics requested, int trainCount)
    {
        Assert.Equal(requested, BatchNormStatisticsChoice.Resolve(requested, batchNorm: true, trainCount, 32));
    }

    [Fact]
    public void Resolve_config_usesItsChoiceBatchNormAndBatchSize()
    {
        var config = new TrainingConfig { BatchSize = 128 };

        Assert.Equal(BatchNormStatistics.Auto, config.BatchNormStatistics);
        Assert.Equal(BatchNormStatistics.Recomputed, BatchNormStatisticsChoice.Resolve(config, 27_455));
        Assert.Equal(BatchNormStatistics.Moving, BatchNormStatisticsChoice.Resolve(config with { BatchSize = 16 }, 27_455));
        Assert.Equal(BatchNormStatistics.Moving, BatchNormStatisticsChoice.Resolve(config with { Model = config.Model with { BatchNorm = false } }, 2_400));
    }

    [Fact]
    public void Explain_eachBranch_namesTheChoiceAndWhy()
    {
        var config = new TrainingConfig();

        Assert.Equal("recomputed (auto: 75 batches per epoch, moving from 1375)", BatchNormStatisticsChoice.Explain(config, 2_400));
        Assert.Equal("recomputed (auto: 858 batches per epoch, moving from 1375)", BatchNormStatisticsChoice.Explain(config, 27_455));
        Assert.Equal("moving (auto: 1716 batches per epoch, moving from 1375)", BatchNormStatisticsChoice.Explain(config with { BatchSize = 16 }, 27_455));
        Assert.Equal("moving (auto: the model has no BatchNorm)", BatchNormStatisticsChoice.Explain(config with { Model = config.Model with { BatchNorm = false } }, 2_400));
        Assert.Equal("recomputed (chosen)", BatchNormStatisticsChoice.Explain(config with { BatchNormStatistics = BatchNormStatistics.Recomputed }, 27_455));
    }
}
