namespace AslSweep.Sweeps.Search;

/// <summary>
/// Replicates of a configuration: the same hyperparameters trained from other seeds. The first replicate keeps the
/// configuration's seed (so the baseline's first replicate is the notebook's run exactly); replicate r derives its
/// seed from that seed and r, the same on every machine and in every sweep, and records it in its config.
/// </summary>
public static class Replicates
{
    /// <summary>The seed of replicate <paramref name="replicate"/> (0-based) of a configuration seeded <paramref name="seed"/>.</summary>
    public static int Seed(int seed, int replicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        if (replicate == 0)
        {
            return seed;
        }

        // SplitMix64's finaliser over (seed, replicate): neighbouring seeds and replicates land far apart, unlike
        // seed + r, which would make replicate 1 of seed 42 the same run as replicate 0 of seed 43.
        ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)replicate + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }

    /// <summary>
    /// The configuration a trial replicates: its config with the seed taken out. Trials with equal configurations
    /// are replicates of one another.
    /// </summary>
    public static TrialConfig Configuration(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { Seed = HyperparameterDefaults.Seed };
    }

    /// <summary>
    /// The replicate groups of a sweep's trials, each listed by trial id in order, the groups ordered by their first
    /// trial. Without replicates (<paramref name="replicates"/> 1) every trial is a group of its own, whatever its seed:
    /// a spec that searches the seed compares seeds as configurations.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Groups(IEnumerable<(int TrialId, TrialConfig Config)> trials, int replicates)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var ordered = trials.OrderBy(t => t.TrialId).ToList();
        if (replicates <= 1)
        {
            return [.. ordered.Select(t => (IReadOnlyList<int>)[t.TrialId])];
        }

        return [.. ordered.GroupBy(t => Configuration(t.Config)).Select(g => (IReadOnlyList<int>)[.. g.Select(t => t.TrialId)])];
    }
}
