namespace AslSweep.Sweeps.Search;

/// <summary>The values one parameter may take, typed (parsed once, when the space is built).</summary>
public abstract record SearchDomain
{
    /// <summary>Every value, for grid search; null when the domain is continuous.</summary>
    public abstract IReadOnlyList<object>? GridValues { get; }

    /// <summary>One value of <paramref name="parameter"/> drawn from <paramref name="random"/>.</summary>
    public abstract object Sample(Random random, Hyperparameter parameter);
}
