using System.Globalization;
using System.Text;
using System.Text.Json;
using AslSweep.Training.Data;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;

namespace AslSweep.Client.Output;

/// <summary>
/// Writes metrics.csv and metrics.json after every epoch, so an interrupted run loses nothing it computed.
/// The JSON records the data's fingerprints and whether it was synthetic, for reproducibility.
/// </summary>
public sealed class RunOutputWriter : ITrainingObserver
{
    private readonly string _folder;
    private readonly TrainingConfig _config;
    private readonly TrainingData _data;
    private readonly NumericsStatus _numerics;
    private readonly List<EpochMetrics> _epochs = [];

    /// <summary>Creates the writer and the folder; <paramref name="numerics"/> is the backend the run trains with.</summary>
    public RunOutputWriter(string folder, TrainingConfig config, TrainingData data, NumericsStatus numerics)
    {
        _folder = folder;
        _config = config;
        _data = data;
        _numerics = numerics;
        Directory.CreateDirectory(folder);
    }

    /// <inheritdoc />
    public void OnResumed(IReadOnlyList<EpochMetrics> history)
    {
        // A resumed run's files list the whole curve from the start, not only the epochs trained this time.
        _epochs.AddRange(history);
        Write(null);
    }

    /// <inheritdoc />
    public void OnEpoch(EpochMetrics metrics)
    {
        _epochs.Add(metrics);
        Write(null);
    }

    /// <summary>Writes the final state with the run's outcome; the result's curve includes resumed epochs.</summary>
    public void Finish(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _epochs.Clear();
        _epochs.AddRange(result.Epochs);
        Write(result);
    }

    private void Write(TrainingResult? result)
    {
        // val_loss and val_accuracy with the moving BatchNorm averages (Keras's); the recomputed_ columns beside them.
        var csv = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_second,recomputed_val_loss,recomputed_val_accuracy,validation_images\n");
        foreach (var m in _epochs)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{m.Epoch},{m.TrainLoss:R},{m.TrainAccuracy:R},{m.ValLoss:R},{m.ValAccuracy:R},{m.LearningRate:R},{m.Seconds:F3},{m.SamplesPerSecond:F1},{m.RecomputedValLoss:R},{m.RecomputedValAccuracy:R},{m.ValidationImages}"));
        }

        File.WriteAllText(Path.Combine(_folder, "metrics.csv"), csv.ToString());
        var document = new
        {
            tool = "aslsweep train",
            synthetic = _data.IsSynthetic,
            data = new
            {
                train = new { source = _data.Train.Source, count = _data.Train.Count, fingerprint = _data.Train.Fingerprint },
                valid = new { source = _data.Valid.Source, count = _data.Valid.Count, fingerprint = _data.Valid.Fingerprint },
                labels = _data.Convention?.ToString().ToLowerInvariant() ?? "synthetic",
            },
            config = _config,
            batchNormStatisticsUsed = BatchNormStatisticsChoice.Resolve(_config, _data.Train.Count),
            numerics = new
            {
                cpuBackend = CpuBackends.Name(_numerics.Backend),
                requested = CpuBackends.Name(_numerics.Requested),
                requestedBy = _numerics.RequestedBy,
                probePassed = _numerics.ProbePassed,
                finding = _numerics.Finding,
                rejected = _numerics.Rejected,
                cpu = _numerics.Cpu,
                isaCap = _numerics.IsaCap,
                probeSeconds = Math.Round(_numerics.ProbeTime.TotalSeconds, 3),
            },
            outcome = result?.Outcome.ToString() ?? "Running",
            message = result?.Message,
            epochs = _epochs,
        };
        File.WriteAllText(Path.Combine(_folder, "metrics.json"), JsonSerializer.Serialize(document, TrainingCheckpoint.Json));
    }
}
