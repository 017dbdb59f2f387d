namespace AslSweep.Contracts;

/// <summary>One trial in a sweep report, with the statistics it is ranked by.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.TrialReportRow")]
public sealed record TrialReportRow
{
    /// <summary>1-based rank by the mean of the last k epochs (best first).</summary>
    [Id(0)]
    public int Rank { get; init; }

    /// <summary>The trial.</summary>
    [Id(1)]
    public int TrialId { get; init; }

    /// <summary>Its configuration.</summary>
    [Id(2)]
    public TrialConfig Config { get; init; } = new();

    /// <summary>Its final state.</summary>
    [Id(3)]
    public TrialState State { get; init; }

    /// <summary>Epochs completed.</summary>
    [Id(4)]
    public int Epochs { get; init; }

    /// <summary>Best validation accuracy of any epoch (a peak, not what to pick by).</summary>
    [Id(5)]
    public double BestValAccuracy { get; init; }

    /// <summary>Validation accuracy of the last epoch.</summary>
    [Id(6)]
    public double FinalValAccuracy { get; init; }

    /// <summary>Mean validation accuracy of the last k epochs: the stable metric.</summary>
    [Id(7)]
    public double MeanLastK { get; init; }

    /// <summary>Standard deviation of the last k validation accuracies.</summary>
    [Id(8)]
    public double StdLastK { get; init; }

    /// <summary>Mean training minus mean validation accuracy over the last k epochs.</summary>
    [Id(9)]
    public double TrainValGap { get; init; }

    /// <summary>The verdict.</summary>
    [Id(10)]
    public Verdict Verdict { get; init; }

    /// <summary>True for the notebook's configuration.</summary>
    [Id(11)]
    public bool IsBaseline { get; init; }

    /// <summary>Mean validation loss of the last k epochs.</summary>
    [Id(12)]
    public double MeanValLossLastK { get; init; }

    /// <summary>The epoch of the best validation accuracy.</summary>
    [Id(13)]
    public int BestEpoch { get; init; }

    /// <summary>How often the validation accuracy changed direction from one epoch to the next (oscillation).</summary>
    [Id(14)]
    public int DirectionChanges { get; init; }

    /// <summary>Least-squares slope of the validation accuracy over the last k epochs, per epoch.</summary>
    [Id(15)]
    public double SlopeLastK { get; init; }

    /// <summary>Mean training accuracy over the last k epochs.</summary>
    [Id(16)]
    public double TrainAccuracyLastK { get; init; }

    /// <summary>
    /// Why a diverged or failed trial ended, as its worker said it (a NaN names the CPU backend and whether it passed
    /// its numerics probe); null for other states.
    /// </summary>
    [Id(17)]
    public string? Ending { get; init; }

    /// <summary>How many images the validation set held (0 when the curve does not say).</summary>
    [Id(18)]
    public int ValidationImages { get; init; }

    /// <summary>
    /// Binomial standard error of one accuracy measurement at <see cref="MeanLastK"/> on
    /// <see cref="ValidationImages"/> images: the noise of the validation set's size alone (NaN when unknown).
    /// </summary>
    [Id(19)]
    public double StandardError { get; init; } = double.NaN;

    /// <summary>The stable accuracy and verdict with the BatchNorm moving averages (the notebook's measurement).</summary>
    [Id(20)]
    public ViewStatistics Moving { get; init; } = new();

    /// <summary>The stable accuracy and verdict with recomputed BatchNorm statistics.</summary>
    [Id(21)]
    public ViewStatistics Recomputed { get; init; } = new();

    /// <summary>Where a swing of the curve comes from: BatchNorm statistics, the weights, or the validation set's size (empty when unknown).</summary>
    [Id(22)]
    public string Diagnosis { get; init; } = "";
}
