using System.Globalization;

namespace AslSweep.Grains.Sweeps;

/// <summary>A real range, sampled uniformly or on a log scale (learning rates).</summary>
public sealed record FloatRangeDomain(double Min, double Max, bool LogScale) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<string>? GridValues => null;

    /// <inheritdoc />
    public override string Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u = random.NextDouble();
        double value = LogScale
            ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min))))
            : Min + (u * (Max - Min));

        // Six significant digits keep reports readable and the value reproducible from its text.
        return value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
