using AslSweep.Training.Model;
using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class BatchNormStatisticsChoiceTests
{
    [Fact]
    public void MovingMinimumBatchesPerEpoch_isWhereKerasMomentumKeepsLessThanOnePercent()
    {
        int n = BatchNormStatisticsChoice.MovingMinimumBatchesPerEpoch;

        Assert.Equal(459, n);
        Assert.True(Math.Pow(1 - KerasBatchNorm2d.Momentum, n) < 0.01);
        Assert.True(Math.Pow(1 - KerasBatchNorm2d.Momentum, n - 1) >= 0.01);
    }

    [Theory]
    [InlineData(2_400, 32, BatchNormStatistics.Recomputed)] // the synthetic default: 75 batches
    [InlineData(9_600, 32, BatchNormStatistics.Recomputed)] // 400 per class: 300 batches, measured to dip
    [InlineData(27_455, 32, BatchNormStatistics.Moving)] // the notebook's training set: 858 batches
    [InlineData(27_455, 128, BatchNormStatistics.Recomputed)] // 215 batches
    [InlineData(458 * 32, 32, BatchNormStatistics.Recomputed)]
    [InlineData(458 * 32 + 1, 32, BatchNormStatistics.Moving)] // a last partial batch counts
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
        Assert.Equal(BatchNormStatistics.Moving, BatchNormStatisticsChoice.Resolve(config with { BatchSize = 32 }, 27_455));
        Assert.Equal(BatchNormStatistics.Moving, BatchNormStatisticsChoice.Resolve(config with { Model = config.Model with { BatchNorm = false } }, 2_400));
    }

    [Fact]
    public void Explain_eachBranch_namesTheChoiceAndWhy()
    {
        var config = new TrainingConfig();

        Assert.Equal("recomputed (auto: 75 batches per epoch, moving from 459)", BatchNormStatisticsChoice.Explain(config, 2_400));
        Assert.Equal("moving (auto: 858 batches per epoch, moving from 459)", BatchNormStatisticsChoice.Explain(config, 27_455));
        Assert.Equal("moving (auto: the model has no BatchNorm)", BatchNormStatisticsChoice.Explain(config with { Model = config.Model with { BatchNorm = false } }, 2_400));
        Assert.Equal("recomputed (chosen)", BatchNormStatisticsChoice.Explain(config with { BatchNormStatistics = BatchNormStatistics.Recomputed }, 27_455));
    }
}
