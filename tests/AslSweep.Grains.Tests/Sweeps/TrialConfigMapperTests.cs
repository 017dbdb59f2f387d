using AslSweep.Grains.Sweeps;
using AslSweep.Training.Trainer;

namespace AslSweep.Grains.Tests.Sweeps;

public sealed class TrialConfigMapperTests
{
    [Fact]
    public void ToTraining_bnStatsValues_selectTheTrainersStatistics()
    {
        var spec = SweepSpecReader.Read("name: b\ninclude_baseline: false\nparameters:\n  bn_stats:\n    values: [auto, moving, recomputed]\n", "b.yaml");

        var configs = TrialPlanner.Plan(spec).Select(t => t.Config).ToArray();

        Assert.Equal([BatchNormStatistics.Auto, BatchNormStatistics.Moving, BatchNormStatistics.Recomputed], configs.Select(c => TrainingConfig.For(c).BatchNormStatistics).ToArray());
        Assert.DoesNotContain("bn_stats", configs[0].Describe(), StringComparison.Ordinal);
        Assert.EndsWith(" bn_stats=moving", configs[1].Describe(), StringComparison.Ordinal);
        Assert.EndsWith(" bn_stats=recomputed", configs[2].Describe(), StringComparison.Ordinal);
        Assert.Equal(3, configs.Distinct().Count());
    }

    [Fact]
    public void Read_unknownBnStats_namesSpecPathAndChoices()
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read("name: b\nparameters:\n  bn_stats:\n    value: update\n", "b.yaml"));

        Assert.Contains(e.Problems, p => p.StartsWith("b.yaml: parameters.bn_stats.value: ", StringComparison.Ordinal) && p.Contains("recomputed", StringComparison.Ordinal));
    }
}
