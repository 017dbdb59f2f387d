using System.Globalization;

namespace AslSweep.Grains.Sweeps;

/// <summary>A whole-number range, both ends included.</summary>
public sealed record IntRangeDomain(int Min, int Max) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<string>? GridValues => null;

    /// <inheritdoc />
    public override string Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(Min, Max + 1).ToString(CultureInfo.InvariantCulture);
    }
}
