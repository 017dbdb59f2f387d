namespace AslSweep.Sweeps.Search;

/// <summary>Every combination of the parameters' values, the last parameter varying fastest.</summary>
public sealed class GridSearcher : ISearcher
{
    /// <inheritdoc />
    public IReadOnlyList<TrialConfig> Propose(SearchSpace space, TrialConfig baseline)
    {
        ArgumentNullException.ThrowIfNull(space);
        IEnumerable<TrialConfig> configs = [baseline];
        foreach (var (parameter, domain) in space.Dimensions)
        {
            var values = domain.GridValues ?? throw new ArgumentException($"parameters.{parameter.Name}: a distribution cannot be gridded");
            configs = configs.SelectMany(c => values.Select(v => parameter.Apply(c, v)));
        }

        return configs.ToList();
    }
}
