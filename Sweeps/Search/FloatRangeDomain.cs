using System.Globalization;

namespace AslSweep.Sweeps.Search;

/// <summary>A real range, sampled uniformly or on a log scale (learning rates).</summary>
public sealed record FloatRangeDomain(double Min, double Max, bool LogScale) : SearchDomain
{
    /// <inheritdoc />
    public override IReadOnlyList<object>? GridValues => null;

    /// <inheritdoc />
    public override object Sample(Random random, Hyperparameter parameter)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(parameter);
        double u = random.NextDouble();
        double value = LogScale
            ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min))))
            : Min + (u * (Max - Min));

        // Six significant digits keep reports readable and the value reproducible from its text.
        return parameter.FromNumber(double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }
}
