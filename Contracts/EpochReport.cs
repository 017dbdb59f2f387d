namespace AslSweep.Contracts;

/// <summary>One epoch of a trial, as the worker measured it.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.EpochReport")]
public sealed record EpochReport
{
    /// <summary>1-based epoch.</summary>
    [Id(0)]
    public int Epoch { get; init; }

    /// <summary>Mean training loss.</summary>
    [Id(1)]
    public double TrainLoss { get; init; }

    /// <summary>Training accuracy.</summary>
    [Id(2)]
    public double TrainAccuracy { get; init; }

    /// <summary>Validation loss with the BatchNorm moving averages (what Keras and the notebook report).</summary>
    [Id(3)]
    public double ValLoss { get; init; }

    /// <summary>Validation accuracy with the BatchNorm moving averages (what Keras and the notebook report).</summary>
    [Id(4)]
    public double ValAccuracy { get; init; }

    /// <summary>Learning rate of the epoch.</summary>
    [Id(5)]
    public double LearningRate { get; init; }

    /// <summary>Wall time of the epoch.</summary>
    [Id(6)]
    public double Seconds { get; init; }

    /// <summary>Training images per second.</summary>
    [Id(7)]
    public double SamplesPerSecond { get; init; }

    /// <summary>How many images the validation set held; 0 in reports from before it was recorded.</summary>
    [Id(8)]
    public int ValidationImages { get; init; }

    /// <summary>Validation loss with BatchNorm statistics recomputed for the epoch's weights; NaN in reports from before both views were recorded.</summary>
    [Id(9)]
    public double RecomputedValLoss { get; init; } = double.NaN;

    /// <summary>Validation accuracy with recomputed BatchNorm statistics; NaN in reports from before both views were recorded.</summary>
    [Id(10)]
    public double RecomputedValAccuracy { get; init; } = double.NaN;
}
