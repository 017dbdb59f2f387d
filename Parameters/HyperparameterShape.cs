namespace AslSweep.Parameters;

/// <summary>Everything <see cref="Hyperparameter{T}"/> is built from; filled in by <see cref="Hyperparameters"/> only.</summary>
internal sealed record HyperparameterShape<T>(
    string Name,
    ParameterKind Kind,
    string Description,
    T Default,
    Func<TrialConfig, T> Get,
    Func<TrialConfig, T, TrialConfig> Set,
    Func<T, string> Format,
    Func<string, (bool Ok, T Value, string? Warning)> Parse,
    string Expected)
    where T : notnull
{
    /// <summary>The numbers checked against the range: the value itself, or each element of a list.</summary>
    public Func<T, IEnumerable<double>>? Numbers { get; init; }

    public double Min { get; init; } = double.NaN;

    public double Max { get; init; } = double.NaN;

    public bool MinExclusive { get; init; }

    public bool MaxExclusive { get; init; }

    /// <summary>A rule beyond the range (e.g. an odd kernel side); returns the problem or null.</summary>
    public Func<T, string?>? Rule { get; init; }

    public string? Option { get; init; }

    public bool DescribedOnlyWhenSet { get; init; }

    public Func<double, T>? FromNumber { get; init; }

    public IEqualityComparer<T>? Comparer { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];
}
