namespace AslSweep.Sweeps.Search;

/// <summary>Every combination of the parameters' values, the last parameter varying fastest.</summary>
public sealed class GridSearcher : ISearcher
{
    /// <summary>How many trials the grid of <paramref name="space"/> has (saturating at long.MaxValue).</summary>
    public static long Size(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        long size = 1;
        foreach (var (_, domain) in space.Dimensions)
        {
            int count = domain.GridValues?.Count ?? 0;
            size = count == 0 ? 0 : (size > long.MaxValue / count ? long.MaxValue : size * count);
        }

        return size;
    }

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
