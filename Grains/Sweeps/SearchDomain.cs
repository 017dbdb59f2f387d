namespace AslSweep.Grains.Sweeps;

/// <summary>The values one parameter may take, in canonical text form.</summary>
public abstract record SearchDomain
{
    /// <summary>Every value, for grid search; null when the domain is continuous.</summary>
    public abstract IReadOnlyList<string>? GridValues { get; }

    /// <summary>One value drawn from <paramref name="random"/>.</summary>
    public abstract string Sample(Random random);
}
