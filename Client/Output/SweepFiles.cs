using System.Globalization;
using System.Text;
using System.Text.Json;
using AslSweep.Contracts;
using AslSweep.Training.Trainer;

namespace AslSweep.Client.Output;

/// <summary>Writes a sweep's results: report.json, report.csv (ranked trials) and epochs.csv (every epoch of every trial).</summary>
public static class SweepFiles
{
    /// <summary>Writes into <paramref name="folder"/> and returns it.</summary>
    public static string Write(string folder, SweepStatus status, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), Json(report, status));
        File.WriteAllText(Path.Combine(folder, "report.csv"), ReportCsv(report));
        File.WriteAllText(Path.Combine(folder, "epochs.csv"), EpochsCsv(status));
        return folder;
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
        var csv = new StringBuilder("sweep,trial,epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_second\n");
        foreach (var trial in status.Trials)
        {
            foreach (var e in trial.Epochs)
            {
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{status.SweepId},{trial.TrialId},{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValLoss:R},{e.ValAccuracy:R},{e.LearningRate:R},{e.Seconds:F3},{e.SamplesPerSecond:F1}"));
            }
        }

        return csv.ToString();
    }
}
