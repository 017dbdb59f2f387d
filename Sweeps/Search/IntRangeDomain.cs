namespace AslSweep.Sweeps.Search;

/// <summary>A whole-number range, both ends included.</summary>
public sealed record IntRangeDomain(int Min, int Max) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<object>? GridValues => null;

    /// <inheritdoc />
    public override object Sample(Random random, Hyperparameter parameter)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.FromNumber(random.Next(Min, Max + 1));
    }
}
