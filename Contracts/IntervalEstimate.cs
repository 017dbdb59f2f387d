namespace AslSweep.Contracts;

/// <summary>A mean over replicates with its 95% bootstrap interval.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.IntervalEstimate")]
public sealed record IntervalEstimate
{
    /// <summary>The mean.</summary>
    [Id(0)]
    public double Mean { get; init; } = double.NaN;

    /// <summary>Lower end of the 95% percentile bootstrap interval of the mean.</summary>
    [Id(1)]
    public double Low { get; init; } = double.NaN;

    /// <summary>Upper end of that interval.</summary>
    [Id(2)]
    public double High { get; init; } = double.NaN;
}
