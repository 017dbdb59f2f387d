using AslSweep.Contracts;
using Orleans.Serialization;

namespace AslSweep.Grains.Tests.Contracts;

/// <summary>
/// The spec's closed sets became enums but travel as their spellings: state written when they were strings must
/// load, state written now must read as those strings, and a word no spelling knows must reach validation.
/// </summary>
public sealed class SpelledEnumWireTests
{
    private static readonly Serializer Serializer = WireSerializer.Instance;

    [Fact]
    public void Deserialize_specPartsWrittenAsStrings_givesTheEnums()
    {
        var metric = Serializer.Deserialize<MetricSpec>(Serializer.SerializeToArray(new EarlierMetricSpec { Name = "val_loss", Goal = "minimize", LastK = 3 }));
        var scheduler = Serializer.Deserialize<SchedulerSpec>(Serializer.SerializeToArray(new EarlierSchedulerSpec { Type = "asha", GracePeriod = 4 }));

        Assert.Equal(new MetricSpec { Name = MetricName.ValLoss, Goal = MetricGoal.Minimize, LastK = 3 }, metric);
        Assert.Equal(new SchedulerSpec { Type = SchedulerType.Asha, GracePeriod = 4 }, scheduler);
    }

    [Fact]
    public void Deserialize_dataSpecWithLabelsAsAString_givesTheConvention()
    {
        var data = Serializer.Deserialize<DataSpec>(Serializer.SerializeToArray(new EarlierDataSpec { Synthetic = false, Train = "t.csv", Valid = "v.csv", Labels = "kaggle", SyntheticSeed = 3 }));
        var back = Serializer.Deserialize<EarlierDataSpec>(Serializer.SerializeToArray(new DataSpec { Labels = LabelConvention.Contiguous }));

        Assert.Equal(new DataSpec { Synthetic = false, Train = "t.csv", Valid = "v.csv", Labels = LabelConvention.Kaggle, SyntheticSeed = 3 }, data);
        Assert.NotNull(back);
        Assert.Equal("contiguous", back.Labels);
    }

    [Fact]
    public void Deserialize_sweepSpecWithMethodAsAString_givesTheMethodAndKeepsTheRest()
    {
        var earlier = new EarlierSweepSpec { Name = "r", Method = "random", NumSamples = 7, Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2"] }], KeepCheckpoints = 2 };

        var spec = Serializer.Deserialize<SweepSpec>(Serializer.SerializeToArray(earlier));

        Assert.Equal(new SweepSpec { Name = "r", Method = SearchMethod.Random, NumSamples = 7, Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2"] }], KeepCheckpoints = 2 }, spec);
    }

    [Fact]
    public void Serialize_enums_areReadByTheEarlierStringForm()
    {
        var earlier = Serializer.Deserialize<EarlierSchedulerSpec>(Serializer.SerializeToArray(new SchedulerSpec { Type = SchedulerType.Median, MinSamples = 5 }));

        Assert.NotNull(earlier);
        Assert.Equal("median", earlier.Type);
        Assert.Equal(5, earlier.MinSamples);
    }

    [Fact]
    public void Deserialize_wordNoSpellingKnows_isAnUndefinedValueThatValidationReports()
    {
        var scheduler = Serializer.Deserialize<SchedulerSpec>(Serializer.SerializeToArray(new EarlierSchedulerSpec { Type = "hyperband" }));

        Assert.NotNull(scheduler);
        Assert.False(Enum.IsDefined(scheduler.Type));
        Assert.Contains("scheduler.type: not fifo, asha or median", AslSweep.Sweeps.Specs.SweepSpecValidator.Validate(new SweepSpec { Scheduler = scheduler }));
    }

    [Fact]
    public void RoundTrip_sweepSpec_keepsEveryClosedSet()
    {
        var spec = new SweepSpec
        {
            Method = SearchMethod.Random,
            Metric = new MetricSpec { Name = MetricName.ValLoss, Goal = MetricGoal.Minimize },
            Scheduler = new SchedulerSpec { Type = SchedulerType.Asha },
            Data = new DataSpec { Labels = LabelConvention.Kaggle },
        };

        Assert.Equal(spec, Serializer.Deserialize<SweepSpec>(Serializer.SerializeToArray(spec)));
    }
}
