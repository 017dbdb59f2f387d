using System.Collections.Immutable;
using System.Reflection;

namespace AslSweep.Parameters.Tests;

public sealed class TrialConfigTests
{
    [Fact]
    public void Describe_notebook_keepsTheTextReportsAndFilesHaveAlwaysHad()
    {
        Assert.Equal(
            "conv_dropout=0.2 dense_dropout=0.3 filters=75,50,25 dense_units=512 kernel_size=3 epochs=20 batch_size=32 optimizer=rmsprop learning_rate=0.001 augment=0 lr_schedule=none batch_norm=true weight_decay=0 label_smoothing=0 seed=42",
            TrialConfig.Notebook.Describe());
    }

    [Fact]
    public void Describe_bnStatsSet_appendsItLast()
    {
        var config = TrialConfig.Notebook with { BnStats = BatchNormStatistics.Moving, LrSchedule = LrScheduleKind.ReduceOnPlateau };

        Assert.EndsWith(" lr_schedule=reduce_on_plateau batch_norm=true weight_decay=0 label_smoothing=0 seed=42 bn_stats=moving", config.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_filtersInAnotherArray_isEqualWithTheSameHash()
    {
        var a = TrialConfig.Notebook with { Filters = [32, 64] };
        var b = TrialConfig.Notebook with { Filters = ImmutableArray.Create(32, 64) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TrialConfig.Notebook with { Filters = [32, 65] });
    }

    // Each definition must own exactly one property, and each property one definition: a property added to
    // TrialConfig without a definition would be left out of equality, text, specs and reports.
    [Fact]
    public void Hyperparameters_everyTrialConfigProperty_hasExactlyOneDefinition()
    {
        var properties = typeof(TrialConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var owners = new Dictionary<string, string>();
        foreach (var parameter in Hyperparameters.All)
        {
            var changed = parameter.Apply(TrialConfig.Notebook, OtherValue(parameter));
            var differing = properties.Where(p => !Equals(Boxed(p.GetValue(changed)), Boxed(p.GetValue(TrialConfig.Notebook)))).Select(p => p.Name).ToList();

            Assert.True(differing.Count == 1, $"{parameter.Name} changes {string.Join(", ", differing)}");
            Assert.True(owners.TryAdd(differing[0], parameter.Name), $"{differing[0]} is set by {owners.GetValueOrDefault(differing[0])} and {parameter.Name}");
            Assert.NotEqual(TrialConfig.Notebook, changed);
        }

        Assert.Equal(properties.Select(p => p.Name).Order(), owners.Keys.Order());
    }

    [Fact]
    public void Defaults_ofEveryDefinition_areTheNotebooksConfiguration()
    {
        Assert.All(Hyperparameters.All, p => Assert.True(p.IsDefaultIn(TrialConfig.Notebook), p.Name));
        Assert.All(Hyperparameters.All, p => Assert.Null(p.CheckText(p.Text(TrialConfig.Notebook))));
    }

    [Fact]
    public void Text_ofEveryValue_parsesBackToTheSameConfiguration()
    {
        foreach (var parameter in Hyperparameters.All)
        {
            var changed = parameter.Apply(TrialConfig.Notebook, OtherValue(parameter));

            var back = parameter.Apply(TrialConfig.Notebook, parameter.ParseText(parameter.Text(changed), out string? warning));

            Assert.Null(warning);
            Assert.Equal(changed, back);
        }
    }

    private static object OtherValue(Hyperparameter parameter) => parameter.Name switch
    {
        "filters" => ImmutableArray.Create(8, 16),
        "batch_norm" => false,
        _ when parameter.Choices.Count > 0 => parameter.ParseText(parameter.Choices.First(c => c != parameter.Text(TrialConfig.Notebook)), out _),
        "kernel_size" => 5,
        _ when parameter.Kind == ParameterKind.Int => parameter.FromNumber(Math.Max(parameter.Min, 1) + 1),
        _ => parameter.FromNumber((parameter.Min + Math.Min(parameter.Max, 10)) / 3),
    };

    private static object? Boxed(object? value) => value is ImmutableArray<int> list ? string.Join(",", list) : value;
}
