namespace AslSweep.Contracts;

/// <summary>The effect of one value of one hyperparameter: grouped means over the judged trials that used it.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ParameterEffect")]
public sealed record ParameterEffect
{
    /// <summary>The parameter (snake_case, as in specs).</summary>
    [Id(0)]
    public string Parameter { get; init; } = "";

    /// <summary>The value.</summary>
    [Id(1)]
    public string Value { get; init; } = "";

    /// <summary>Judged trials with this value.</summary>
    [Id(2)]
    public int Trials { get; init; }

    /// <summary>Mean of their stable metric (mean of the last k validation accuracies).</summary>
    [Id(3)]
    public double MeanStable { get; init; }

    /// <summary>Mean of their last-k standard deviations.</summary>
    [Id(4)]
    public double MeanStd { get; init; }
}
