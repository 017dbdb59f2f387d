namespace AslSweep.Sweeps.Search;

/// <summary>Proposes trial configurations from a search space; it decides nothing else.</summary>
public interface ISearcher
{
    /// <summary>The configurations to try, in order, each applied on top of <paramref name="baseline"/>.</summary>
    IReadOnlyList<TrialConfig> Propose(SearchSpace space, TrialConfig baseline);
}
