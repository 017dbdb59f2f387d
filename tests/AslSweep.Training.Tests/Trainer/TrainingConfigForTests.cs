using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

/// <summary>
/// The sweep validates a spec by the hyperparameter definitions alone and never plans its trials to check them
/// against the training core: that is sound only while every value a definition accepts is one the trainer
/// accepts, and every value it refuses the trainer refuses too. These tests hold the two together.
/// </summary>
public sealed class TrainingConfigForTests
{
    public static TheoryData<string, string> Edges()
    {
        var data = new TheoryData<string, string>();
        foreach (var parameter in Hyperparameters.All)
        {
            foreach (string text in EdgeTexts(parameter))
            {
                data.Add(parameter.Name, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void For_valueTheDefinitionAccepts_isATrainingConfigThatValidates(string name, string text)
    {
        var parameter = Hyperparameters.ByName[name];
        Assert.Null(parameter.CheckText(text));

        var config = TrainingConfig.For(parameter.Apply(TrialConfig.Notebook, parameter.ParseText(text, out _)));

        Assert.Empty(config.Validate());
    }

    [Theory]
    [InlineData("dense_dropout", 1.0)]
    [InlineData("conv_dropout", -0.1)]
    [InlineData("learning_rate", 0.0)]
    [InlineData("epochs", 10_001.0)]
    [InlineData("batch_size", 0.0)]
    [InlineData("kernel_size", 4.0)]
    [InlineData("dense_units", 65_537.0)]
    [InlineData("augment", 5.5)]
    public void For_valueTheDefinitionRefuses_isRefusedByTheTrainerWithTheSameName(string name, double value)
    {
        var parameter = Hyperparameters.ByName[name];
        var config = TrainingConfig.For(parameter.Apply(TrialConfig.Notebook, parameter.FromNumber(value)));

        Assert.Contains(config.Validate(), p => p.StartsWith(name + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void For_notebook_isTheNotebooksTrainingConfig()
    {
        var config = TrainingConfig.For(TrialConfig.Notebook);

        Assert.Equal(20, config.Epochs);
        Assert.Equal([75, 50, 25], config.Model.Filters);
        Assert.Equal(0.3, config.Model.DenseDropout);
        Assert.Equal([1], config.Model.ConvDropoutBlocks);
        Assert.False(config.Augmentation.Enabled);
        Assert.Equal(BatchNormStatistics.Auto, config.BatchNormStatistics);
    }

    [Theory]
    [InlineData("auto", BatchNormStatistics.Auto)]
    [InlineData("moving", BatchNormStatistics.Moving)]
    [InlineData("recomputed", BatchNormStatistics.Recomputed)]
    public void For_bnStats_selectsTheTrainersStatistics(string text, BatchNormStatistics expected)
    {
        var trial = TrialConfig.Notebook with { BnStats = Hyperparameters.BnStats.Parse(text, out _) };

        Assert.Equal(expected, TrainingConfig.For(trial).BatchNormStatistics);
    }

    private static IEnumerable<string> EdgeTexts(Hyperparameter parameter)
    {
        if (parameter.Choices.Count > 0)
        {
            return parameter.Choices;
        }

        return parameter.Kind switch
        {
            ParameterKind.Bool => ["true", "false"],
            ParameterKind.IntList => ["1", "4096,1", "8,16,32,64"],
            ParameterKind.Int when parameter.Name == "kernel_size" => ["1", "27"],
            ParameterKind.Int => [Text(parameter.Min), Text(parameter.Max)],
            _ => [Text(parameter.MinExclusive ? parameter.Min + 1e-9 : parameter.Min), Text(parameter.MaxExclusive ? parameter.Max - 1e-9 : parameter.Max)],
        };
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
