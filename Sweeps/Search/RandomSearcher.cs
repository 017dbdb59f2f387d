namespace AslSweep.Sweeps.Search;

/// <summary>Independent draws from every parameter's domain; the same seed gives the same trials.</summary>
public sealed class RandomSearcher(int samples, int seed) : ISearcher
{
    /// <inheritdoc />
    public IReadOnlyList<TrialConfig> Propose(SearchSpace space, TrialConfig baseline)
    {
        ArgumentNullException.ThrowIfNull(space);
        var random = new Random(seed);
        var configs = new List<TrialConfig>(samples);
        for (int i = 0; i < samples; i++)
        {
            var config = baseline;
            foreach (var (parameter, domain) in space.Dimensions)
            {
                config = parameter.Apply(config, domain.Sample(random, parameter));
            }

            configs.Add(config);
        }

        return configs;
    }
}
