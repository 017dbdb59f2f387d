using AslSweep.Training.Model;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Resolves <see cref="BatchNormStatistics.Auto"/>. Keras's momentum 0.99 keeps 0.99^n of the statistics it had n
/// batches ago, and the moving variance starts at 1. The channels where validation dips were measured with a true
/// variance of about 1e-4 (<see cref="SmallestChannelVariance"/>; README, "Model and trainer"), so the moving
/// averages describe the current weights at the first validation only once the start value's share,
/// 0.99^(batches per epoch), is below 1% of that variance: from <see cref="MovingMinimumBatchesPerEpoch"/> (1,375)
/// batches an epoch. Shorter epochs validate their first epochs with a normalisation that is mostly the start
/// value, so they are recomputed: the notebook's real training set (858 batches per epoch leave 1.8e-4, more than
/// such a channel's whole variance) as well as the synthetic default (75).
/// </summary>
public static class BatchNormStatisticsChoice
{
    /// <summary>The smallest true channel variance measured in the seed CNN's first two BatchNorms.</summary>
    public const double SmallestChannelVariance = 1e-4;

    /// <summary>The share of that variance the moving variance's start value may still make up at the first validation.</summary>
    public const double ToleratedHistory = 0.01;

    /// <summary>The fewest batches per epoch for which <see cref="BatchNormStatistics.Auto"/> keeps the moving averages (1,375).</summary>
    public static int MovingMinimumBatchesPerEpoch { get; } =
        (int)Math.Ceiling(Math.Log(ToleratedHistory * SmallestChannelVariance) / Math.Log(1 - KerasBatchNorm2d.Momentum));

    /// <summary>
    /// The statistics a run validates with: <paramref name="requested"/> unless it is
    /// <see cref="BatchNormStatistics.Auto"/>, which becomes <see cref="BatchNormStatistics.Moving"/> for a
    /// model without BatchNorm (nothing to recompute) or epochs of at least
    /// <see cref="MovingMinimumBatchesPerEpoch"/> batches, else <see cref="BatchNormStatistics.Recomputed"/>.
    /// </summary>
    public static BatchNormStatistics Resolve(BatchNormStatistics requested, bool batchNorm, int trainCount, int batchSize)
    {
        if (requested != BatchNormStatistics.Auto)
        {
            return requested;
        }

        return !batchNorm || BatchesPerEpoch(trainCount, batchSize) >= MovingMinimumBatchesPerEpoch ? BatchNormStatistics.Moving : BatchNormStatistics.Recomputed;
    }

    /// <summary>Training batches per epoch, the last one partial.</summary>
    public static int BatchesPerEpoch(int trainCount, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return (trainCount + batchSize - 1) / batchSize;
    }

    /// <summary>
    /// The resolved choice and why, for people: "recomputed (auto: 75 batches per epoch, moving from 1375)",
    /// "moving (auto: the model has no BatchNorm)", or "recomputed (chosen)" when not <c>auto</c>.
    /// </summary>
    public static string Explain(TrainingConfig config, int trainCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        string why = config.BatchNormStatistics != BatchNormStatistics.Auto
            ? "chosen"
            : !config.Model.BatchNorm
                ? "auto: the model has no BatchNorm"
                : $"auto: {BatchesPerEpoch(trainCount, config.BatchSize)} batches per epoch, moving from {MovingMinimumBatchesPerEpoch}";
        return $"{Resolve(config, trainCount).ToString().ToLowerInvariant()} ({why})";
    }

    /// <summary>Resolves <paramref name="config"/>'s choice for a training set of <paramref name="trainCount"/> images.</summary>
    public static BatchNormStatistics Resolve(TrainingConfig config, int trainCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Resolve(config.BatchNormStatistics, config.Model.BatchNorm, trainCount, config.BatchSize);
    }
}
