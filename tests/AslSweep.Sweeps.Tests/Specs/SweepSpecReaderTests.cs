using AslSweep.Contracts;
using AslSweep.Sweeps.Specs;

namespace AslSweep.Sweeps.Tests.Specs;

public sealed class SweepSpecReaderTests
{
    private const string Valid = """
        name: test
        data:
          synthetic: true
          train_per_class: 3
          valid_per_class: 2
        metric:
          name: val_accuracy
          goal: maximize
          last_k: 3
        method: grid
        max_concurrent: 2
        parameters:
          epochs:
            value: 2
          dense_dropout:
            values: [0.3, 0.5]
          filters:
            values: [[8, 8], [16, 16, 16]]
        """;

    [Fact]
    public void Read_sameYamlTwice_specsAreEqualWithEqualHashes()
    {
        var first = SweepSpecReader.Read(Valid, "test.yaml");
        var again = SweepSpecReader.Read(Valid, "test.yaml");
        var other = SweepSpecReader.Read(Valid.Replace("[0.3, 0.5]", "[0.3, 0.6]", StringComparison.Ordinal), "test.yaml");

        Assert.True(first == again, "two reads of one spec are the same spec");
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.False(first == other);
    }

    [Fact]
    public void Read_validYaml_givesTypedSpec()
    {
        var spec = SweepSpecReader.Read(Valid, "test.yaml");

        Assert.Equal("test", spec.Name);
        Assert.True(spec.Data.Synthetic);
        Assert.Equal(3, spec.Data.SyntheticTrainPerClass);
        Assert.Equal(3, spec.Metric.LastK);
        Assert.Equal(2, spec.MaxConcurrent);
        Assert.Equal(["8,8", "16,16,16"], spec.Parameters.Single(p => p.Name == "filters").Values.ToArray());
    }

    [Fact]
    public void Read_valLossWithoutGoal_minimizesIt()
    {
        var spec = SweepSpecReader.Read(Valid.Replace("name: val_accuracy\n  goal: maximize", "name: val_loss", StringComparison.Ordinal), "test.yaml");

        Assert.Equal(MetricName.ValLoss, spec.Metric.Name);
        Assert.Equal(MetricGoal.Minimize, spec.Metric.Goal);
        Assert.Equal(MetricGoal.Maximize, SweepSpecReader.Read(Valid.Replace("  goal: maximize\n", "", StringComparison.Ordinal), "test.yaml").Metric.Goal);
    }

    [Fact]
    public void Read_metricStatistics_readsTheViewAndRefusesAnUnknownOne()
    {
        Assert.Equal(ValidationView.Recomputed, SweepSpecReader.Read(Valid, "test.yaml").Metric.Statistics);
        Assert.Equal(ValidationView.Moving, SweepSpecReader.Read(Valid.Replace("  last_k: 3", "  last_k: 3\n  statistics: moving", StringComparison.Ordinal), "test.yaml").Metric.Statistics);

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(Valid.Replace("  last_k: 3", "  last_k: 3\n  statistics: keras", StringComparison.Ordinal), "v.yaml"));

        Assert.Contains(e.Problems, p => p.StartsWith("v.yaml:", StringComparison.Ordinal) && p.Contains("metric.statistics", StringComparison.Ordinal) && p.Contains("recomputed or moving", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_goalContradictingTheMetric_isRefusedNamingTheSetting()
    {
        // Issue 17: metric.goal was read and validated but ignored; honoured now, a goal that would rank the worst
        // trial first is refused instead of being followed.
        string text = Valid.Replace("name: val_accuracy\n  goal: maximize", "name: val_loss\n  goal: maximize", StringComparison.Ordinal);

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "g.yaml"));

        Assert.Contains("g.yaml: metric.goal: maximize contradicts val_loss, which is minimized; write minimize or leave goal out", e.Problems);
    }

    [Fact]
    public void Read_json_isReadLikeYaml()
    {
        const string json = """{"name": "j", "method": "random", "num_samples": 3, "seed": 4, "parameters": {"learning_rate": {"distribution": "log_uniform", "min": 0.0001, "max": 0.01}}}""";

        var spec = SweepSpecReader.Read(json, "j.json");

        Assert.Equal(SearchMethod.Random, spec.Method);
        Assert.Equal(4, spec.SearchSeed);
        Assert.Equal("log_uniform", spec.Parameters[0].Distribution);
    }

    [Fact]
    public void Read_outOfRangeValue_namesSpecPath()
    {
        string text = Valid.Replace("values: [0.3, 0.5]", "values: [0.3, 0.5, 1.5]", StringComparison.Ordinal);

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "s.yaml"));

        Assert.Contains("s.yaml: parameters.dense_dropout.values[2]: 1.5 is outside [0, 1)", e.Problems);
    }

    [Fact]
    public void Read_unknownKeysAndWrongTypes_reportsEachWithLineAndColumn()
    {
        const string text = """
            name: bad
            methd: grid
            data:
              synthetic: maybe
            metric:
              last_k: three
            parameters:
              dropout_rate:
                values: [0.1]
            """;

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "bad.yaml"));

        Assert.Contains(e.Problems, p => p.StartsWith("bad.yaml:2:1: methd: unknown key", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("bad.yaml:4:14: data.synthetic: expected true or false", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("bad.yaml:6:11: metric.last_k: expected a whole number", StringComparison.Ordinal));
        // The validator's problems come too, except at paths the reader already reported.
        Assert.Contains(e.Problems, p => p.StartsWith("bad.yaml: parameters.dropout_rate: unknown parameter", StringComparison.Ordinal));
        Assert.Equal(4, e.Problems.Count);
    }

    [Fact]
    public void Read_invalidValues_reportsEveryProblemAtOnce()
    {
        const string text = """
            name: bad
            method: grid
            max_failures: 0
            parameters:
              dropout_rate:
                values: [0.1]
              conv_dropout:
                values: []
              epochs:
                value: -3
              learning_rate:
                distribution: log_uniform
                min: 0
                max: 0.1
              filters:
                value: [75, 0]
            """;

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "v.yaml"));

        Assert.Contains("v.yaml: max_failures: 0 must be at least 1", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("v.yaml: parameters.dropout_rate: unknown parameter", StringComparison.Ordinal));
        Assert.Contains("v.yaml: parameters.conv_dropout.values: the list is empty", e.Problems);
        Assert.Contains("v.yaml: parameters.epochs.value: -3 is outside [1, 10000]", e.Problems);
        Assert.Contains("v.yaml: parameters.learning_rate.distribution: grid search needs values; use method: random for distributions", e.Problems);
        Assert.Contains("v.yaml: parameters.learning_rate.min: 0 must be positive for log_uniform", e.Problems);
        Assert.Contains("v.yaml: parameters.filters.value: 0 is outside [1, 4096]", e.Problems);
    }

    [Fact]
    public void Read_hugeGrid_isRefusedBeforeExpanding()
    {
        string values = "[" + string.Join(", ", Enumerable.Range(1, 100)) + "]";
        string text = $"name: big\nparameters:\n  seed:\n    values: {values}\n  epochs:\n    values: {values}\n  dense_units:\n    values: {values}\n";

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "big.yaml"));

        Assert.Contains("big.yaml: parameters: the grid has 1,000,000 trials; at most 10,000 are allowed", e.Problems);
    }

    // A real distribution on a whole-number parameter drew e.g. 12.3456 epochs, which the planner could not
    // parse: a FormatException escaped the reader instead of a located problem.
    [Fact]
    public void Read_uniformOnAWholeNumber_isRefusedNamingIntUniform()
    {
        const string text = "name: u\nmethod: random\nnum_samples: 3\nparameters:\n  epochs:\n    distribution: uniform\n    min: 1\n    max: 10\n";

        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "u.yaml"));

        Assert.Contains("u.yaml: parameters.epochs.distribution: uniform does not fit this parameter (use int_uniform for a whole number)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_unknownBnStats_namesSpecPathAndChoices()
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read("name: b\nparameters:\n  bn_stats:\n    value: update\n", "b.yaml"));

        Assert.Equal(["b.yaml: parameters.bn_stats.value: 'update' is not one of auto, moving, recomputed"], e.Problems);
    }

    [Fact]
    public void Read_evenKernel_isRejectedAtItsSpecPath()
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read("name: k\nparameters:\n  kernel_size:\n    value: 4\n", "k.yaml"));

        Assert.Equal(["k.yaml: parameters.kernel_size.value: 4 must be odd"], e.Problems);
    }

    [Theory]
    [InlineData("name: [unclosed", "x.yaml:2:1: While parsing a flow sequence")]
    [InlineData("- just\n- a list\n", "the spec must be a mapping")]
    public void Read_notASpec_saysWhere(string text, string expected)
    {
        var e = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read(text, "x.yaml"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_dataFilesWithoutSyntheticKey_meansFiles()
    {
        var spec = SweepSpecReader.Read("name: f\ndata:\n  train: a.csv\n  valid: b.csv\n  labels: kaggle\n", "f.yaml");

        Assert.False(spec.Data.Synthetic);
        Assert.Equal(("a.csv", "b.csv", LabelConvention.Kaggle), (spec.Data.Train, spec.Data.Valid, spec.Data.Labels));
    }

    [Fact]
    public void Read_schedulerMappingOrName_givesSchedulerSpec()
    {
        var asha = SweepSpecReader.Read("name: a\nscheduler:\n  type: asha\n  reduction_factor: 4\n  grace_period: 2\n  max_epochs: 16\n", "a.yaml");
        var median = SweepSpecReader.Read("name: m\nscheduler: median\n", "m.yaml");

        Assert.Equal(new SchedulerSpec { Type = SchedulerType.Asha, ReductionFactor = 4, GracePeriod = 2, MaxEpochs = 16 }, asha.Scheduler);
        Assert.Equal(SchedulerType.Median, median.Scheduler.Type);
        Assert.Equal(SchedulerType.Fifo, SweepSpecReader.Read("name: f\n", "f.yaml").Scheduler.Type);
    }

    [Fact]
    public void Read_badScheduler_reportsEveryProblemWithItsPlace()
    {
        var unknownKey = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read("name: a\nscheduler:\n  type: asha\n  eta: 3\n", "a.yaml"));
        var badValues = Assert.Throws<SpecFormatException>(() => SweepSpecReader.Read("name: a\nscheduler:\n  type: hyperband\n  reduction_factor: 1\n  grace_period: 0\n", "b.yaml"));

        Assert.Contains("a.yaml:4:3: scheduler.eta: unknown key (known: type, reduction_factor, grace_period, max_epochs, min_samples)", unknownKey.Problems);
        Assert.Contains("b.yaml:3:9: scheduler.type: 'hyperband' is not fifo, asha or median", badValues.Problems);
        Assert.Contains("b.yaml: scheduler.reduction_factor: 1 is outside [2, 100]", badValues.Problems);
        Assert.Contains("b.yaml: scheduler.grace_period: 0 is outside [1, 10000]", badValues.Problems);
    }
}
