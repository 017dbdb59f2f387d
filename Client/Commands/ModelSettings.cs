using System.ComponentModel;
using System.Globalization;
using AslSweep.Training.Model;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary>Architecture options shared by <c>train</c> and <c>summary</c>; defaults are the notebook's model.</summary>
public class ModelSettings : CommandSettings
{
    [CommandOption("--filters <LIST>")]
    [Description("Filters per convolution block, comma-separated (one block per entry).")]
    [DefaultValue("75,50,25")]
    public string Filters { get; init; } = "75,50,25";

    [CommandOption("--kernel-size <N>")]
    [Description("Square, odd convolution kernel side.")]
    [DefaultValue(3)]
    public int KernelSize { get; init; } = 3;

    [CommandOption("--conv-dropout <RATE>")]
    [Description("Dropout after the second block's convolution (0 to below 1).")]
    [DefaultValue(0.2)]
    public double ConvDropout { get; init; } = 0.2;

    [CommandOption("--dense-dropout <RATE>")]
    [Description("Dropout after the hidden dense layer (0 to below 1).")]
    [DefaultValue(0.3)]
    public double DenseDropout { get; init; } = 0.3;

    [CommandOption("--dense-units <N>")]
    [Description("Units of the hidden dense layer.")]
    [DefaultValue(512)]
    public int DenseUnits { get; init; } = 512;

    [CommandOption("--no-batch-norm")]
    [Description("Leave out the BatchNorm layers.")]
    public bool NoBatchNorm { get; init; }

    /// <summary>The architecture these options describe; throws <see cref="UsageException"/> naming the option.</summary>
    public CnnConfig ToCnnConfig()
    {
        var filters = new List<int>();
        foreach (string part in Filters.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                throw new UsageException($"--filters: '{part}' is not a whole number (expected e.g. 75,50,25)");
            }

            filters.Add(value);
        }

        return new CnnConfig
        {
            Filters = filters,
            KernelSize = KernelSize,
            ConvDropout = ConvDropout,
            DenseDropout = DenseDropout,
            DenseUnits = DenseUnits,
            BatchNorm = !NoBatchNorm,
        };
    }
}
