using AslSweep.Training.Model;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Resolves <see cref="BatchNormStatistics.Auto"/>. Keras's momentum 0.99 keeps 0.99^n of the statistics it
/// had n batches ago. Once an epoch has <see cref="MovingMinimumBatchesPerEpoch"/> batches, less than 1% of
/// the previous epoch's statistics is left at validation, and the moving averages describe the current
/// weights: the notebook's real training set has 858 batches per epoch. Shorter epochs (the synthetic
/// default has 75) validate with a normalisation that is mostly history, so they are recomputed.
/// </summary>
public static class BatchNormStatisticsChoice
{
    /// <summary>The share of the previous epoch's statistics an epoch may leave in the moving averages.</summary>
    public const double ToleratedHistory = 0.01;

    /// <summary>The fewest batches per epoch for which <see cref="BatchNormStatistics.Auto"/> keeps the moving averages (459).</summary>
    public static int MovingMinimumBatchesPerEpoch { get; } =
        (int)Math.Ceiling(Math.Log(ToleratedHistory) / Math.Log(1 - KerasBatchNorm2d.Momentum));

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
    /// The resolved choice and why, for people: "recomputed (auto: 75 batches per epoch, moving from 459)",
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
