using System.Text.Json;
using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class ConfigDifferenceTests
{
    private static string Json(TrainingConfig config) => JsonSerializer.Serialize(config, TrainingCheckpoint.Json);

    [Fact]
    public void Describe_nestedAndOmittedFields_namesEachByPath()
    {
        var written = new TrainingConfig { BatchNormStatistics = BatchNormStatistics.Moving };
        var current = written with { BatchNormStatistics = BatchNormStatistics.Auto, Model = written.Model with { Filters = [32, 32] } };

        string difference = ConfigDifference.Describe(Json(written), Json(current));

        Assert.Equal("model.filters: [75,50,25] in the checkpoint, [32,32] now; batchNormStatistics: absent in the checkpoint, \"Auto\" now", difference);
    }

    [Fact]
    public void Describe_sameConfig_isEmpty()
    {
        Assert.Equal("", ConfigDifference.Describe(Json(new TrainingConfig()), Json(new TrainingConfig())));
    }
}
