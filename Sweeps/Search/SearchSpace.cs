using System.Collections.Immutable;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Search;

/// <summary>The searched parameters in spec order, each with its definition and typed domain.</summary>
public sealed record SearchSpace(ImmutableArray<(Hyperparameter Parameter, SearchDomain Domain)> Dimensions)
{
    /// <summary>Builds the space of a validated spec; each value's text is parsed here, once.</summary>
    public static SearchSpace From(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SearchSpace([.. spec.Parameters.Select(p => (Hyperparameters.ByName[p.Name], DomainOf(p)))]);
    }

    private static SearchDomain DomainOf(ParameterSpec p) => p.Distribution switch
    {
        null => new ChoiceDomain([.. p.Values.Select(v => Hyperparameters.ByName[p.Name].ParseText(v, out _))]),
        "uniform" => new FloatRangeDomain(p.Min, p.Max, LogScale: false),
        "log_uniform" => new FloatRangeDomain(p.Min, p.Max, LogScale: true),
        "int_uniform" => new IntRangeDomain((int)p.Min, (int)p.Max),
        _ => throw new ArgumentException($"parameters.{p.Name}.distribution: unknown '{p.Distribution}'"),
    };
}
