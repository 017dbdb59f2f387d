using AslSweep.Training;
using AslSweep.Training.Model;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep summary</c>: the Keras-like table of the model.</summary>
public sealed class SummaryCommand : Command<SummaryCommand.Settings>
{
    /// <summary>Options of <c>summary</c>.</summary>
    public sealed class Settings : ModelSettings
    {
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CnnConfig config = settings.ToCnnConfig();
        OptionNames.ThrowIfAny(config.Validate());

        using var generator = new Generator(0, CPU);
        using var random = new TrialRandom(0);
        using var model = new SignCnn(config, generator, random);
        ModelSummary summary = ModelSummary.Of(model);
        var table = new Table().Title("Model: \"sequential\"").AddColumns("Layer (type)", "Output Shape", "Param #");
        table.Columns[2].RightAligned();
        foreach (var row in summary.Rows)
        {
            table.AddRow(Markup.Escape($"{row.Name} ({row.Kind})"), row.OutputShape, row.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(FormattableString.Invariant($"Total params: {summary.Total:N0}"));
        AnsiConsole.WriteLine(FormattableString.Invariant($"Trainable params: {summary.Trainable:N0}"));
        AnsiConsole.WriteLine(FormattableString.Invariant($"Non-trainable params: {summary.NonTrainable:N0}"));
        return ExitCodes.Ok;
    }
}
