namespace AslSweep.Parameters.Tests;

public sealed class HyperparameterTests
{
    [Theory]
    [InlineData("dense_dropout", "1", "1 is outside [0, 1)")]
    [InlineData("dense_dropout", "abc", "'abc' is not a number")]
    [InlineData("learning_rate", "0", "0 is outside (0, 10]")]
    [InlineData("filters", "75,0", "0 is outside [1, 4096]")]
    [InlineData("filters", "75,x", "'75,x' is not a list of whole numbers (e.g. 75,50,25)")]
    [InlineData("kernel_size", "4", "4 must be odd")]
    [InlineData("epochs", "10001", "10001 is outside [1, 10000]")]
    [InlineData("batch_size", "65537", "65537 is outside [1, 65536]")]
    [InlineData("optimizer", "adagrad", "'adagrad' is not one of rmsprop, adam, sgd")]
    [InlineData("batch_norm", "yes", "'yes' is not true or false")]
    public void CheckText_badValue_namesTheRule(string name, string text, string problem)
    {
        Assert.Equal(problem, Hyperparameters.ByName[name].CheckText(text));
    }

    [Theory]
    [InlineData("reduceonplateau", LrScheduleKind.ReduceOnPlateau)]
    [InlineData("ReduceOnPlateau", LrScheduleKind.ReduceOnPlateau)]
    [InlineData("Cosine", LrScheduleKind.Cosine)]
    public void Parse_oldCliSpelling_isAcceptedWithAWarningNamingTheOneSpelling(string text, LrScheduleKind expected)
    {
        var value = Hyperparameters.LrSchedule.Parse(text, out string? warning);

        Assert.Equal(expected, value);
        Assert.Equal($"lr_schedule: '{text}' is an old spelling; write {Hyperparameters.LrSchedule.Format(expected)}", warning);
    }

    [Fact]
    public void CheckText_oldSpellingInASpec_isAProblem()
    {
        Assert.Equal("'reduceonplateau' is not one of none, reduce_on_plateau, cosine", Hyperparameters.LrSchedule.CheckText("reduceonplateau"));
        Assert.Null(Hyperparameters.LrSchedule.CheckText("reduce_on_plateau"));
    }

    [Fact]
    public void Parse_badValue_throwsNamingTheParameter()
    {
        var e = Assert.Throws<FormatException>(() => Hyperparameters.Optimizer.Parse("adagrad", out _));

        Assert.Equal("optimizer: 'adagrad' is not one of rmsprop, adam, sgd", e.Message);
    }

    [Fact]
    public void Augment_trueAndFalse_areOneAndZero()
    {
        Assert.Equal(1.0, Hyperparameters.Augment.Parse("true", out _));
        Assert.Equal(0.0, Hyperparameters.Augment.Parse("false", out _));
        Assert.Equal("5.5 is outside [0, 5]", Hyperparameters.Augment.CheckText("5.5"));
    }

    [Fact]
    public void Distributions_fitOnlyTheirKinds()
    {
        Assert.True(Hyperparameters.LearningRate.TakesRealDistribution);
        Assert.False(Hyperparameters.Epochs.TakesRealDistribution);
        Assert.True(Hyperparameters.Epochs.TakesIntDistribution);
        Assert.False(Hyperparameters.Optimizer.TakesRealDistribution || Hyperparameters.Optimizer.TakesIntDistribution);
    }

    [Fact]
    public void Option_ofEachDefinition_isItsTrainOption()
    {
        Assert.Equal("--dense-dropout", Hyperparameters.DenseDropout.Option);
        Assert.Equal("--no-batch-norm", Hyperparameters.BatchNorm.Option);
        Assert.Equal("--augment-strength", Hyperparameters.Augment.Option);
    }
}
