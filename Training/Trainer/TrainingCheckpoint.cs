using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AslSweep.Training.Model;
using AslSweep.Training.Optimizers;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Saves and restores a run's weights, optimiser state and trainer state in a folder. A save is atomic:
/// everything is written to a fresh folder which then replaces the previous checkpoint by renames, so a
/// crash leaves either the old or the new checkpoint, never a mix. Each tensor file's SHA-256 is checked on load.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>Layout version of what <see cref="Save"/> writes.</summary>
    public const int FormatVersion = 2;

    private const string Current = "current";
    private const string Previous = ".previous";
    private const string ModelFile = "model.bin";
    private const string ValidatedModelFile = "validated-model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "state.json";

    /// <summary>JSON settings shared by checkpoints and metrics files (infinities allowed, camelCase, enums by name).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <summary>True when <paramref name="directory"/> holds a checkpoint.</summary>
    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, Current, StateFile)) || File.Exists(Path.Combine(directory, Previous, StateFile));

    /// <summary>
    /// Writes a checkpoint, replacing the previous one. With <paramref name="validated"/> (a run whose
    /// validation recomputes the BatchNorm statistics) the weights are also written with the statistics that
    /// validation used, and <see cref="ExportWeights"/> exports those: the model then predicts what its
    /// reported accuracy measured. Resuming always reads the weights with the moving averages.
    /// </summary>
    /// <remarks>With <paramref name="fence"/> (this run's writer number), nothing is replaced when a higher writer owns the folder (<see cref="CheckpointFence"/>).</remarks>
    public static void Save(string directory, SignCnn model, ModelOptimizer optimizer, CheckpointState state, BatchNormRecomputation? validated = null, long? fence = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(directory);
        string partial = Path.Combine(directory, $".partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(partial);
        model.save(Path.Combine(partial, ModelFile));
        optimizer.Save(Path.Combine(partial, OptimizerFile));
        var hashes = new Dictionary<string, string>
        {
            [ModelFile] = Hash(Path.Combine(partial, ModelFile)),
            [OptimizerFile] = Hash(Path.Combine(partial, OptimizerFile)),
        };
        if (validated is not null)
        {
            validated.UseRecomputed();
            model.save(Path.Combine(partial, ValidatedModelFile));
            validated.UseMoving();
            hashes[ValidatedModelFile] = Hash(Path.Combine(partial, ValidatedModelFile));
        }

        string json = JsonSerializer.Serialize(state with { FormatVersion = FormatVersion, Hashes = hashes }, Json);
        using (var stream = new FileStream(Path.Combine(partial, StateFile), FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        if (fence is long w)
        {
            try
            {
                CheckpointFence.CheckThen(directory, w, () => Replace(directory, partial));
            }
            catch (CheckpointFencedException)
            {
                Directory.Delete(partial, recursive: true);
                throw;
            }
        }
        else
        {
            Replace(directory, partial);
        }
    }

    // The new checkpoint (complete in `partial`) becomes current; the one before is kept until then.
    private static void Replace(string directory, string partial)
    {
        string current = Path.Combine(directory, Current);
        string previous = Path.Combine(directory, Previous);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }

        if (Directory.Exists(current))
        {
            Directory.Move(current, previous);
        }

        Directory.Move(partial, current);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Restores weights and optimiser state into the given objects and returns the trainer state.</summary>
    public static CheckpointState Load(string directory, SignCnn model, ModelOptimizer optimizer) =>
        ReadChecked(directory, _ => [ModelFile, OptimizerFile], (folder, state) =>
        {
            model.load(Path.Combine(folder, ModelFile));
            optimizer.Load(Path.Combine(folder, OptimizerFile));
            return state;
        });

    /// <summary>
    /// Loads the weights with the statistics the checkpoint's last validation used (written by a run that
    /// recomputes them) into <paramref name="model"/>, after checking their hash; a checkpoint without them
    /// is refused like a corrupt one.
    /// </summary>
    public static void LoadValidatedWeights(string directory, SignCnn model) =>
        ReadChecked(directory, _ => [ValidatedModelFile], (folder, state) =>
        {
            model.load(Path.Combine(folder, ValidatedModelFile));
            return state;
        });

    /// <summary>
    /// Copies the weights of the checkpoint in <paramref name="directory"/> to <paramref name="destination"/>
    /// after checking their hash: the ones with the statistics validation used, when the run recomputed them.
    /// </summary>
    public static BatchNormStatistics ExportWeights(string directory, string destination) =>
        ReadChecked(directory, state => [ExportedFile(state)], (folder, state) =>
        {
            File.Copy(Path.Combine(folder, ExportedFile(state)), destination, overwrite: true);
            return state;
        }) is var state && ExportedFile(state) == ValidatedModelFile ? BatchNormStatistics.Recomputed : BatchNormStatistics.Moving;

    private static string ExportedFile(CheckpointState state) =>
        state.Hashes.ContainsKey(ValidatedModelFile) ? ValidatedModelFile : ModelFile;

    /// <summary>
    /// Reads the newest complete checkpoint's state, checks its format and the hashes of the
    /// <paramref name="files"/> it names, then hands the folder to <paramref name="use"/>; every failure
    /// becomes a <see cref="CheckpointException"/>.
    /// </summary>
    private static CheckpointState ReadChecked(string directory, Func<CheckpointState, string[]> files, Func<string, CheckpointState, CheckpointState> use)
    {
        // A crash between the two renames of Save leaves only the previous checkpoint.
        string folder = Path.Combine(directory, Current);
        if (!File.Exists(Path.Combine(folder, StateFile)))
        {
            folder = Path.Combine(directory, Previous);
        }

        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, StateFile)), Json)
                ?? throw new CheckpointException($"{folder}: empty checkpoint state");
            if (state.FormatVersion != FormatVersion)
            {
                throw new CheckpointException($"{folder}: checkpoint format {state.FormatVersion}, this build reads {FormatVersion}");
            }

            foreach (string file in files(state))
            {
                if (!state.Hashes.TryGetValue(file, out string? expected) || Hash(Path.Combine(folder, file)) != expected)
                {
                    throw new CheckpointException($"{Path.Combine(folder, file)}: content hash mismatch (corrupt checkpoint)");
                }
            }

            return use(folder, state);
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or InvalidOperationException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"{folder}: cannot read checkpoint: {e.Message}", e);
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
