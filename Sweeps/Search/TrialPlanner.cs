using AslSweep.Contracts;

namespace AslSweep.Sweeps.Search;

/// <summary>
/// Turns a validated spec into its trials: the searcher's proposals, without duplicates, with the notebook's
/// configuration first unless the spec opts out (it is the yardstick every recommendation is compared with).
/// </summary>
public static class TrialPlanner
{
    /// <summary>The notebook's configuration.</summary>
    public static TrialConfig Baseline => TrialConfig.Notebook;

    /// <summary>Plans the trials of <paramref name="spec"/>.</summary>
    public static IReadOnlyList<PlannedTrial> Plan(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var space = SearchSpace.From(spec);
        ISearcher searcher = spec.Method == SearchMethod.Random ? new RandomSearcher(spec.NumSamples, spec.SearchSeed) : new GridSearcher();
        var configs = new List<TrialConfig>();
        var seen = new HashSet<TrialConfig>();
        if (spec.IncludeBaseline)
        {
            configs.Add(Baseline);
            seen.Add(Baseline);
        }

        foreach (var config in searcher.Propose(space, Baseline))
        {
            if (seen.Add(config))
            {
                configs.Add(config);
            }
        }

        return configs.Select((c, i) => new PlannedTrial(i + 1, c, c.Equals(Baseline))).ToList();
    }
}
