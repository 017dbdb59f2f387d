using System.Globalization;
using System.Text;
using System.Text.Json;
using AslSweep.Contracts;
using AslSweep.Training.Model;
using AslSweep.Training.Trainer;

namespace AslSweep.Client.Output;

/// <summary>
/// Writes a sweep's results: report.json, report.csv (ranked trials), epochs.csv (every epoch of every trial),
/// report.md with its PNG plots, and best-model/ (the recommended trial's weights) when its checkpoint is reachable.
/// </summary>
public static class SweepFiles
{
    /// <summary>The folder of the recommended model inside a report folder.</summary>
    public const string BestModel = "best-model";

    /// <summary>
    /// Writes into <paramref name="folder"/> and returns it. <paramref name="checkpointRoot"/> is the workers'
    /// checkpoint root as seen from here (the dev cluster's, or a shared volume); null skips the model.
    /// </summary>
    public static string Write(string folder, SweepStatus status, SweepReport report, string? checkpointRoot = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), Json(report, status));
        File.WriteAllText(Path.Combine(folder, "report.csv"), ReportCsv(report));
        File.WriteAllText(Path.Combine(folder, "epochs.csv"), EpochsCsv(status));
        string? model = checkpointRoot is null ? null : ExportModel(folder, status, report, checkpointRoot);
        var plots = ReportPlots.Write(folder, status, report);
        File.WriteAllText(Path.Combine(folder, "report.md"), ReportMarkdown.Render(status, report, plots, model));
        return folder;
    }

    /// <summary>What a written report folder holds, for the closing message.</summary>
    public static string Describe(string folder) =>
        "report.md with " + Directory.GetFiles(folder, "*.png").Length + " plots, report.json, report.csv, epochs.csv"
        + (Directory.Exists(Path.Combine(folder, BestModel)) ? $", {BestModel}/" : ", no model: the recommended trial's checkpoint is not reachable from here (--checkpoints)");

    /// <summary>Copies the recommended trial's checked weights and writes their description; null when there is none to copy.</summary>
    private static string? ExportModel(string folder, SweepStatus status, SweepReport report, string checkpointRoot)
    {
        var trial = status.Trials.FirstOrDefault(t => t.TrialId == report.RecommendedTrialId);
        string checkpoint = Path.Combine(checkpointRoot, status.SweepId, $"trial-{report.RecommendedTrialId}");
        if (trial is null || !TrainingCheckpoint.Exists(checkpoint))
        {
            return null;
        }

        string target = Path.Combine(folder, BestModel);
        Directory.CreateDirectory(target);
        var statistics = TrainingCheckpoint.ExportWeights(checkpoint, Path.Combine(target, ModelBundle.WeightsFile));
        var model = TrainingConfig.For(trial.Config).Model;
        new ModelBundle
        {
            Config = model,
            BatchNormStatistics = ModelBundle.Describe(statistics, model.BatchNorm),
            Source = $"sweep {status.SweepId} trial {trial.TrialId}",
            Synthetic = report.Synthetic,
        }.WriteDescription(target);
        return target;
    }

    /// <summary>The report and the sweep's status as one JSON document.</summary>
    public static string Json(SweepReport report, SweepStatus status) =>
        JsonSerializer.Serialize(new { report, status }, TrainingCheckpoint.Json);

    /// <summary>The ranked trials as CSV.</summary>
    public static string ReportCsv(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("rank,trial,baseline,state,epochs,best_val_accuracy,final_val_accuracy,mean_last_k,std_last_k,train_val_gap,verdict,config\n");
        foreach (var r in report.Rows)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank},{r.TrialId},{(r.IsBaseline ? "true" : "false")},{r.State},{r.Epochs},{r.BestValAccuracy:R},{r.FinalValAccuracy:R},{r.MeanLastK:R},{r.StdLastK:R},{r.TrainValGap:R},{r.Verdict.ToString().ToLowerInvariant()},\"{r.Config.Describe()}\""));
        }

        return csv.ToString();
    }

    /// <summary>Every epoch of every trial as CSV.</summary>
    public static string EpochsCsv(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var csv = new StringBuilder("sweep,trial,epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_second,recomputed_val_loss,recomputed_val_accuracy,validation_images\n");
        foreach (var trial in status.Trials)
        {
            foreach (var e in trial.Epochs)
            {
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{status.SweepId},{trial.TrialId},{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValLoss:R},{e.ValAccuracy:R},{e.LearningRate:R},{e.Seconds:F3},{e.SamplesPerSecond:F1},{e.RecomputedValLoss:R},{e.RecomputedValAccuracy:R},{e.ValidationImages}"));
            }
        }

        return csv.ToString();
    }
}
