using System.Text.Json;
using AslSweep.Training.Trainer;
using TorchSharp;

namespace AslSweep.Training.Model;

/// <summary>
/// A trained model as files: <c>model.bin</c> (TorchSharp weights) and <c>model.json</c> (the architecture and
/// where it came from), so that <c>aslsweep predict</c> can rebuild it without knowing the run.
/// </summary>
public sealed record ModelBundle
{
    /// <summary>The weights file name.</summary>
    public const string WeightsFile = "model.bin";

    /// <summary>The description file name.</summary>
    public const string DescriptionFile = "model.json";

    /// <summary>The architecture.</summary>
    public CnnConfig Config { get; init; } = new();

    /// <summary>Where the weights come from (a run folder, or sweep and trial).</summary>
    public string Source { get; init; } = "";

    /// <summary>Trained on the embedded synthetic data (not real hands).</summary>
    public bool Synthetic { get; init; }

    /// <summary>
    /// The BatchNorm statistics the weights carry: <c>moving</c> (Keras's moving averages, what the notebook's model
    /// holds), <c>recomputed</c> (recomputed for the final weights over a training pass: recompute them again if the
    /// model is fine-tuned), or <c>none</c> (no BatchNorm); empty in a model.json written before this was recorded.
    /// </summary>
    public string BatchNormStatistics { get; init; } = "";

    /// <summary>The text of <see cref="BatchNormStatistics"/> for weights holding <paramref name="statistics"/>.</summary>
    public static string Describe(BatchNormStatistics statistics, bool batchNorm) =>
        !batchNorm ? "none" : statistics == AslSweep.Parameters.BatchNormStatistics.Recomputed ? "recomputed" : "moving";

    /// <summary>Writes <c>model.json</c> into <paramref name="folder"/> (the weights are written beside it by the caller).</summary>
    public void WriteDescription(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, DescriptionFile), JsonSerializer.Serialize(this, TrainingCheckpoint.Json));
    }

    /// <summary>
    /// Reads a bundle from its folder or its <c>model.bin</c>; throws <see cref="CheckpointException"/> naming the
    /// file when something is missing or unreadable.
    /// </summary>
    public static (ModelBundle Bundle, string Weights) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string weights = Directory.Exists(path) ? Path.Combine(path, WeightsFile) : path;
        string description = Path.Combine(folder, DescriptionFile);
        if (!File.Exists(weights))
        {
            throw new CheckpointException($"{weights}: no such file (give a folder with {WeightsFile} and {DescriptionFile}, as `aslsweep train` and `aslsweep report` write)");
        }

        if (!File.Exists(description))
        {
            throw new CheckpointException($"{description}: no such file: the architecture of {weights} is unknown");
        }

        try
        {
            var bundle = JsonSerializer.Deserialize<ModelBundle>(File.ReadAllText(description), TrainingCheckpoint.Json)
                ?? throw new CheckpointException($"{description}: empty");
            var problems = bundle.Config.Validate();
            return problems.Count > 0 ? throw new CheckpointException($"{description}: {string.Join("; ", problems)}") : (bundle, weights);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{description}:{e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>The model with these weights on the CPU, in evaluation mode.</summary>
    public SignCnn Load(string weights)
    {
        // Weights are loaded over the initial ones and an evaluation model draws no dropout masks.
        using var generator = new torch.Generator(0);
        var model = new SignCnn(Config, generator, new TrialRandom(0));
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            model.Dispose();
            throw new CheckpointException($"{weights}: cannot load weights for {string.Join(",", Config.Filters)} filters: {e.Message}", e);
        }

        model.eval();
        return model;
    }
}
