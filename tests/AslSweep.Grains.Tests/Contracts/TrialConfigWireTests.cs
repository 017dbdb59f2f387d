using AslSweep.Contracts;
using Orleans.Serialization;

namespace AslSweep.Grains.Tests.Contracts;

/// <summary>
/// TrialConfig moved out of Contracts (it is Orleans-free now) and travels as TrialConfigWire: grain state
/// written by the earlier record, with its field numbers and text choices, must still load.
/// </summary>
public sealed class TrialConfigWireTests
{
    private static readonly Serializer Serializer = WireSerializer.Instance;

    [Fact]
    public void Deserialize_stateWrittenByTheEarlierRecord_givesTheSameTypedConfig()
    {
        var written = new EarlierTrialConfig { DenseDropout = 0.5, Filters = [16, 32], Optimizer = "adam", LrSchedule = "reduce_on_plateau", BnStats = "recomputed", Seed = 7 };

        var read = Serializer.Deserialize<TrialConfig>(Serializer.SerializeToArray(written));

        Assert.Equal(TrialConfig.Notebook with { DenseDropout = 0.5, Filters = [16, 32], Optimizer = OptimizerKind.Adam, LrSchedule = LrScheduleKind.ReduceOnPlateau, BnStats = BatchNormStatistics.Recomputed, Seed = 7 }, read);
    }

    [Fact]
    public void Deserialize_stateFromBeforeKernelSizeAndBnStats_takesTheirDefaults()
    {
        var read = Serializer.Deserialize<TrialConfig>(Serializer.SerializeToArray(new EarliestTrialConfig { Epochs = 5 }));

        Assert.Equal(TrialConfig.Notebook with { Epochs = 5 }, read);
    }

    [Fact]
    public void RoundTrip_assignment_keepsEveryParameter()
    {
        var config = TrialConfig.Notebook with { ConvDropout = 0.1, KernelSize = 5, LearningRate = 3e-4, Augment = 1.5, BatchNorm = false, WeightDecay = 1e-4, LabelSmoothing = 0.1, BnStats = BatchNormStatistics.Moving };
        var assignment = new TrialAssignment { SweepId = "s", TrialId = 3, Attempt = 2, Config = config };

        var read = Serializer.Deserialize<TrialAssignment>(Serializer.SerializeToArray(assignment));

        Assert.NotNull(read);
        Assert.Equal(config, read.Config);
        Assert.Equal(config.Describe(), read.Config.Describe());
    }
}
