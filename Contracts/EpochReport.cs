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

    /// <summary>Validation loss.</summary>
    [Id(3)]
    public double ValLoss { get; init; }

    /// <summary>Validation accuracy.</summary>
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
}
