namespace AslSweep.Training.Trainer;

/// <summary>What one epoch measured.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches (train mode, as Keras reports it).</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch's batches.</param>
/// <param name="ValLoss">Validation loss at the end of the epoch, with the BatchNorm moving averages (what Keras and the notebook report).</param>
/// <param name="ValAccuracy">Validation accuracy at the end of the epoch, with the moving averages.</param>
/// <param name="LearningRate">Learning rate used during the epoch.</param>
/// <param name="Seconds">Wall time of the epoch, training and validation.</param>
/// <param name="SamplesPerSecond">Training images per second of training time.</param>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double LearningRate,
    double Seconds,
    double SamplesPerSecond)
{
    /// <summary>How many images the validation set held (the binomial noise of an accuracy depends on it); 0 when not known.</summary>
    public int ValidationImages { get; init; }

    /// <summary>Validation loss with BatchNorm statistics recomputed for the epoch's weights (equal to <see cref="ValLoss"/> without BatchNorm).</summary>
    public double RecomputedValLoss { get; init; } = double.NaN;

    /// <summary>Validation accuracy with recomputed BatchNorm statistics.</summary>
    public double RecomputedValAccuracy { get; init; } = double.NaN;
}
