using System.ComponentModel;
using System.Globalization;
using AslSweep.Client.Input;
using AslSweep.Training.Data;
using AslSweep.Training.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep predict --model &lt;folder&gt; &lt;image.png|file.csv&gt;...</c>: the letter and its probability for each image; accuracy for a labelled CSV.</summary>
public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    /// <summary>Options of <c>predict</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model folder (model.bin + model.json), as `aslsweep report` writes to sweeps/<id>/best-model and `aslsweep train` to its --out folder.")]
        public string? Model { get; init; }

        [CommandArgument(0, "<INPUT>")]
        [Description("Images (PNG, JPEG, BMP, GIF, WebP; any size and colour: converted to 28x28 grayscale) or one Sign-MNIST CSV with labels.")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--labels <CONVENTION>")]
        [Description("Label convention of a CSV: auto (the default), kaggle or contiguous.")]
        public string? Labels { get; init; }

        [CommandOption("--show <N>")]
        [Description("Rows of a CSV to list one by one (the accuracy covers all).")]
        [DefaultValue(20)]
        public int Show { get; init; } = 20;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model))
            {
                return ValidationResult.Error("--model: required (a folder with model.bin and model.json)");
            }

            bool csv = Inputs.Any(i => i.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
            if (csv && Inputs.Length > 1)
            {
                return ValidationResult.Error("<INPUT>: give one CSV file, or image files");
            }

            var unknown = Inputs.FirstOrDefault(i => !csv && !ImageFiles.Extensions.Contains(Path.GetExtension(i)));
            return unknown is not null
                ? ValidationResult.Error($"<INPUT>: {unknown}: not an image ({string.Join(", ", ImageFiles.Extensions)}) or a .csv file")
                : Show < 0 ? ValidationResult.Error("--show: must not be negative") : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (bundle, weights) = ModelBundle.Read(settings.Model!);
        bool csv = settings.Inputs[0].EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        SignMnistImages images = csv ? new SignMnistCsvReader().Read(settings.Inputs[0], SpelledOption.Labels(settings.Labels)).Images : ImageFiles.Read(settings.Inputs);
        using var model = bundle.Load(weights);
        var predictions = SignPredictor.Predict(model, images);
        if (bundle.Synthetic)
        {
            AnsiConsole.MarkupLine("[yellow]This model was trained on the SYNTHETIC data set: its predictions on real hands mean little.[/]");
        }

        var table = new Table().AddColumns("input", "letter", "probability");
        if (csv)
        {
            table.AddColumn("label");
        }

        int shown = csv ? Math.Min(settings.Show, predictions.Length) : predictions.Length;
        for (int i = 0; i < shown; i++)
        {
            string name = csv ? $"{settings.Inputs[0]} row {i + 1}" : settings.Inputs[i];
            string[] cells = [Markup.Escape(name), SignMnistClasses.Letter(predictions[i].Class).ToString(), predictions[i].Probability.ToString("F4", CultureInfo.InvariantCulture)];
            table.AddRow(csv ? [.. cells, SignMnistClasses.Letter(images.Labels[i]).ToString()] : cells);
        }

        AnsiConsole.Write(table);
        if (csv)
        {
            int correct = Enumerable.Range(0, predictions.Length).Count(i => predictions[i].Class == images.Labels[i]);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy: {(double)correct / predictions.Length:F4} ({correct} of {predictions.Length})"));
        }

        return ExitCodes.Ok;
    }
}
