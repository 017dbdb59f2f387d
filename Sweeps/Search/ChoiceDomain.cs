using System.Collections.Immutable;

namespace AslSweep.Sweeps.Search;

/// <summary>A list of typed values (a single fixed value is a list of one).</summary>
public sealed record ChoiceDomain(ImmutableArray<object> Values) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<object>? GridValues => Values;

    /// <inheritdoc />
    public override object Sample(Random random, Hyperparameter parameter)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Values[random.Next(Values.Length)];
    }
}
