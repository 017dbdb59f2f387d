using AslSweep.Sweeps.Search;
using AslSweep.Sweeps.Specs;

namespace AslSweep.Sweeps.Tests.Search;

/// <summary>Issue 17, item 2: <c>replicates: N</c> runs each configuration from N seeds, derived and recorded.</summary>
public sealed class ReplicatesTests
{
    private const string TwoAugments = "name: r\nreplicates: 3\nparameters:\n  augment:\n    values: [0, 1]\n";

    [Fact]
    public void Seed_firstReplicate_keepsTheConfigurationsSeed_othersDifferAndRepeat()
    {
        Assert.Equal(42, Replicates.Seed(42, 0));
        int[] seeds = [.. Enumerable.Range(0, 50).Select(r => Replicates.Seed(42, r))];

        Assert.Equal(50, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.Equal(seeds, Enumerable.Range(0, 50).Select(r => Replicates.Seed(42, r)));
        // Not seed + r: replicate 1 of seed 42 is not the run of seed 43.
        Assert.NotEqual(43, Replicates.Seed(42, 1));
        Assert.NotEqual(Replicates.Seed(42, 1), Replicates.Seed(43, 1));
    }

    [Fact]
    public void Plan_threeReplicates_runsEachConfigurationThriceSideBySideWithRecordedSeeds()
    {
        var trials = TrialPlanner.Plan(SweepSpecReader.Read(TwoAugments, "r.yaml"));

        // Baseline (augment 0) x 3, then augment 1 x 3: the grid's augment 0 is the baseline and not run twice.
        Assert.Equal([1, 2, 3, 4, 5, 6], trials.Select(t => t.TrialId));
        Assert.Equal([0.0, 0, 0, 1, 1, 1], trials.Select(t => t.Config.Augment));
        Assert.Equal([true, true, true, false, false, false], trials.Select(t => t.IsBaseline));
        Assert.Equal([42, Replicates.Seed(42, 1), Replicates.Seed(42, 2)], trials.Take(3).Select(t => t.Config.Seed));
        Assert.Equal(trials.Take(3).Select(t => t.Config.Seed), trials.Skip(3).Select(t => t.Config.Seed));
        Assert.Equal(TrialConfig.Notebook, trials[0].Config);
    }

    [Fact]
    public void Groups_withReplicates_groupsBySeedlessConfiguration_withoutThemEveryTrialAlone()
    {
        var trials = TrialPlanner.Plan(SweepSpecReader.Read(TwoAugments, "r.yaml")).Select(t => (t.TrialId, t.Config)).ToList();

        Assert.Equal([[1, 2, 3], [4, 5, 6]], Replicates.Groups(trials, 3));
        Assert.Equal([[1], [2], [3], [4], [5], [6]], Replicates.Groups(trials, 1));
    }

    [Theory]
    [InlineData("replicates: 0", "r.yaml: replicates: 0 is outside [1, 100]")]
    [InlineData("replicates: 101", "r.yaml: replicates: 101 is outside [1, 100]")]
    public void Read_replicatesOutOfRange_isRefusedNamingTheSetting(string line, string expected)
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(TwoAugments.Replace("replicates: 3", line, StringComparison.Ordinal), "r.yaml"));

        Assert.Contains(expected, e.Problems);
    }

    [Fact]
    public void Read_replicatesWithASearchedSeed_isRefused()
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(TwoAugments + "  seed:\n    values: [1, 2]\n", "r.yaml"));

        Assert.Contains(e.Problems, p => p.StartsWith("r.yaml: parameters.seed: replicates: 3 derives every replicate's seed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_gridTimesReplicatesOverTheLimit_isRefused()
    {
        string text = "name: big\nreplicates: 100\nparameters:\n  dense_units:\n    values: [" + string.Join(", ", Enumerable.Range(1, 101)) + "]\n";

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "b.yaml"));

        Assert.Contains("b.yaml: parameters: the grid has 101 configurations x 100 replicates; at most 10,000 trials are allowed", e.Problems);
        Assert.Equal(1, SweepSpecReader.Read(text.Replace("replicates: 100\n", "", StringComparison.Ordinal), "b.yaml").Replicates);
    }
}
