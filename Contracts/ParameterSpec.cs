using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// One searched parameter: a fixed value, a list of values, or a distribution. Values travel in canonical text
/// form ("0.2", "true", "rmsprop", "75,50,25"); the parameter's name fixes their type.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ParameterSpec")]
public sealed record ParameterSpec
{
    /// <summary>snake_case parameter name, e.g. conv_dropout.</summary>
    [Id(0)]
    public string Name { get; init; } = "";

    /// <summary>The candidate values (one for a fixed value); empty for a distribution.</summary>
    [Id(1)]
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>uniform, log_uniform or int_uniform; null for values.</summary>
    [Id(2)]
    public string? Distribution { get; init; }

    /// <summary>Lower bound of the distribution.</summary>
    [Id(3)]
    public double Min { get; init; }

    /// <summary>Upper bound of the distribution.</summary>
    [Id(4)]
    public double Max { get; init; }

    /// <summary>Value equality, the values compared item by item (a record compares an ImmutableArray by reference).</summary>
    public bool Equals(ParameterSpec? other) => other is not null
        && Name == other.Name && Values.SequenceEqual(other.Values) && Distribution == other.Distribution
        && Min.Equals(other.Min) && Max.Equals(other.Max);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Values.Length, Distribution, Min, Max);
}
