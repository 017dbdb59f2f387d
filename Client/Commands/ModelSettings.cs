using System.ComponentModel;
using AslSweep.Training.Model;
using AslSweep.Training.Trainer;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary>
/// Architecture options shared by <c>train</c> and <c>summary</c>. Defaults, ranges and names come from
/// <see cref="Hyperparameters"/> (a test holds every option to its definition).
/// </summary>
public class ModelSettings : CommandSettings
{
    [CommandOption("--filters <LIST>")]
    [Description("Filters per convolution block, comma-separated (one block per entry).")]
    [DefaultValue(HyperparameterDefaults.FiltersText)]
    public string Filters { get; init; } = HyperparameterDefaults.FiltersText;

    [CommandOption("--kernel-size <N>")]
    [Description("Square, odd convolution kernel side.")]
    [DefaultValue(HyperparameterDefaults.KernelSize)]
    public int KernelSize { get; init; } = HyperparameterDefaults.KernelSize;

    [CommandOption("--conv-dropout <RATE>")]
    [Description("Dropout after the second block's convolution (the first's with one block), 0 to below 1.")]
    [DefaultValue(HyperparameterDefaults.ConvDropout)]
    public double ConvDropout { get; init; } = HyperparameterDefaults.ConvDropout;

    [CommandOption("--dense-dropout <RATE>")]
    [Description("Dropout after the hidden dense layer, 0 to below 1.")]
    [DefaultValue(HyperparameterDefaults.DenseDropout)]
    public double DenseDropout { get; init; } = HyperparameterDefaults.DenseDropout;

    [CommandOption("--dense-units <N>")]
    [Description("Units of the hidden dense layer.")]
    [DefaultValue(HyperparameterDefaults.DenseUnits)]
    public int DenseUnits { get; init; } = HyperparameterDefaults.DenseUnits;

    [CommandOption("--no-batch-norm")]
    [Description("Leave out the BatchNorm layers.")]
    public bool NoBatchNorm { get; init; }

    /// <summary>The architecture these options describe; throws <see cref="UsageException"/> naming every bad option.</summary>
    public CnnConfig ToCnnConfig()
    {
        var problems = new List<string>();
        var model = TrainingConfig.For(ApplyModel(TrialConfig.Notebook, problems)).Model;
        OptionNames.ThrowIfAny(problems.Count > 0 ? problems : model.Validate());
        return model;
    }

    /// <summary>
    /// <paramref name="config"/> with the architecture options applied; a value that cannot be parsed is added
    /// to <paramref name="problems"/> (ranges are checked later, with the whole configuration).
    /// </summary>
    protected TrialConfig ApplyModel(TrialConfig config, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(problems);
        config = Parse(config, Hyperparameters.Filters, Filters, problems);
        config = Hyperparameters.KernelSize.Set(config, KernelSize);
        config = Hyperparameters.ConvDropout.Set(config, ConvDropout);
        config = Hyperparameters.DenseDropout.Set(config, DenseDropout);
        config = Hyperparameters.DenseUnits.Set(config, DenseUnits);
        return Hyperparameters.BatchNorm.Set(config, !NoBatchNorm);
    }

    /// <summary>Sets a parameter from its option's text; a bad value or an old spelling is reported (as error or warning).</summary>
    protected static TrialConfig Parse<T>(TrialConfig config, Hyperparameter<T> parameter, string? text, List<string> problems)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(problems);
        if (text is null)
        {
            return config;
        }

        try
        {
            var value = parameter.Parse(text.Trim(), out string? warning);
            if (warning is not null)
            {
                Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {OptionNames.ForProblem(warning)}");
            }

            return parameter.Set(config, value);
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
            return config;
        }
    }
}
