using System.Collections.Immutable;

namespace AslSweep.Grains.Sweeps;

/// <summary>A list of values (a single fixed value is a list of one).</summary>
public sealed record ChoiceDomain(ImmutableArray<string> Values) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<string>? GridValues => Values;

    /// <inheritdoc />
    public override string Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Values[random.Next(Values.Length)];
    }
}
