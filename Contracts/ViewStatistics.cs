namespace AslSweep.Contracts;

/// <summary>A trial's stable validation accuracy in one view (<see cref="ValidationView"/>) and its verdict there.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ViewStatistics")]
public sealed record ViewStatistics
{
    /// <summary>Mean validation accuracy of the last k epochs.</summary>
    [Id(0)]
    public double MeanLastK { get; init; } = double.NaN;

    /// <summary>Population standard deviation of those.</summary>
    [Id(1)]
    public double StdLastK { get; init; } = double.NaN;

    /// <summary>The verdict of the curve in this view.</summary>
    [Id(2)]
    public Verdict Verdict { get; init; }
}
