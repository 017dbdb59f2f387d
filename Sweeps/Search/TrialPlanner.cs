using AslSweep.Contracts;

namespace AslSweep.Sweeps.Search;

/// <summary>
/// Turns a validated spec into its trials: the searcher's proposals, without duplicates, with the notebook's
/// configuration first unless the spec opts out (it is the yardstick every recommendation is compared with), each
/// configuration <c>replicates</c> times from its own seed (<see cref="Replicates"/>); every replicate of the
/// notebook's configuration is a baseline trial.
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

        // Replicates of a configuration are neighbours, so workers side by side train them together and a scheduler
        // judges the configuration when all of them reach a rung.
        return configs
            .SelectMany(c => Enumerable.Range(0, Math.Max(1, spec.Replicates)).Select(r => (Config: c with { Seed = Replicates.Seed(c.Seed, r) }, IsBaseline: c.Equals(Baseline))))
            .Select((t, i) => new PlannedTrial(i + 1, t.Config, t.IsBaseline))
            .ToList();
    }
}
