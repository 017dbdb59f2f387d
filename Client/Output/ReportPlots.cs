using System.Globalization;
using AslSweep.Contracts;
using ScottPlot;

namespace AslSweep.Client.Output;

/// <summary>
/// The report's pictures, rendered to PNG with ScottPlot: every trial's validation curve (baseline and
/// recommendation highlighted), train vs validation for those two, the expected best against the number of
/// trials, and one panel per hyperparameter with its effect on the stable metric.
/// </summary>
public static class ReportPlots
{
    private const int Width = 1000;
    private const int Height = 600;
    private static readonly Color BaselineColor = Colors.OrangeRed;
    private static readonly Color RecommendedColor = Colors.SeaGreen;

    /// <summary>Writes the PNGs into <paramref name="folder"/> and returns their file names, in report order.</summary>
    public static IReadOnlyList<string> Write(string folder, SweepStatus status, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var files = new List<string> { Curves(folder, status, report) };
        if (TrainVersusValidation(folder, status, report) is { } trainVal)
        {
            files.Add(trainVal);
        }

        if (report.ExpectedBest.Length >= 2)
        {
            files.Add(ExpectedBestCurve(folder, report));
        }

        files.AddRange(report.Effects.GroupBy(e => e.Parameter).Select(g => Effect(folder, g.Key, [.. g], report.LastK, report.RankedBy)));
        return files;
    }

    /// <summary>The file name of a parameter's effect panel.</summary>
    public static string EffectFile(string parameter) => $"effect-{parameter}.png";

    private static string Curves(string folder, SweepStatus status, SweepReport report)
    {
        var plot = new Plot();
        // Others first and thin, so that the two highlighted curves are drawn on top.
        foreach (var trial in status.Trials.OrderBy(t => t.TrialId == report.BaselineTrialId || t.TrialId == report.RecommendedTrialId ? 1 : 0))
        {
            if (trial.Epochs.IsEmpty)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(trial.Epochs.Select(e => (double)e.Epoch).ToArray(), trial.Epochs.Select(e => e.ValAccuracy).ToArray());
            if (trial.TrialId == report.BaselineTrialId)
            {
                Style(line, BaselineColor, $"baseline (trial {trial.TrialId})");
            }
            else if (trial.TrialId == report.RecommendedTrialId)
            {
                Style(line, RecommendedColor, $"recommended (trial {trial.TrialId})");
            }
            else
            {
                line.Color = Colors.Gray.WithAlpha(0.55);
                line.LineWidth = 1.5f;
                // A dot per epoch, so that a trial stopped after its first epoch still shows.
                line.MarkerSize = 3;
            }
        }

        plot.Title($"Validation accuracy of every trial, moving BatchNorm averages (as Keras reports): {report.Name}{(report.Synthetic ? " (SYNTHETIC data)" : "")}");
        plot.XLabel("epoch");
        plot.YLabel("validation accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, folder, "curves.png");
    }

    private static string? TrainVersusValidation(string folder, SweepStatus status, SweepReport report)
    {
        var shown = new[] { (Id: report.BaselineTrialId, Name: "baseline", Color: BaselineColor), (Id: report.RecommendedTrialId, Name: "recommended", Color: RecommendedColor) }
            .Where(s => s.Id != 0)
            .DistinctBy(s => s.Id)
            .Select(s => (s.Name, s.Color, Trial: status.Trials.FirstOrDefault(t => t.TrialId == s.Id)))
            .Where(s => s.Trial is { Epochs.IsEmpty: false })
            .ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        foreach (var (name, color, trial) in shown)
        {
            double[] epochs = trial!.Epochs.Select(e => (double)e.Epoch).ToArray();
            var train = plot.Add.ScatterLine(epochs, trial.Epochs.Select(e => e.TrainAccuracy).ToArray());
            Style(train, color, $"{name} (trial {trial.TrialId}) training");
            train.LinePattern = LinePattern.Dashed;
            var valid = plot.Add.ScatterLine(epochs, trial.Epochs.Select(e => e.ValAccuracy).ToArray());
            Style(valid, color, $"{name} (trial {trial.TrialId}) validation");
        }

        plot.Title("Training (dashed) vs validation accuracy");
        plot.XLabel("epoch");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, folder, "train-vs-validation.png");
    }

    private static string ExpectedBestCurve(string folder, SweepReport report)
    {
        var plot = new Plot();
        double[] trials = [.. Enumerable.Range(1, report.ExpectedBest.Length).Select(n => (double)n)];
        double[] mean = [.. report.ExpectedBest];
        var band = plot.Add.FillY(trials, [.. mean.Select((m, i) => m - report.ExpectedBestStd[i])], [.. mean.Select((m, i) => m + report.ExpectedBestStd[i])]);
        band.FillColor = RecommendedColor.WithAlpha(0.2);
        band.LineWidth = 0;
        var line = plot.Add.ScatterLine(trials, mean);
        Style(line, RecommendedColor, "expected best (± 1 std)");
        string units = report.Configurations.IsEmpty ? "trials" : "configurations";
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Expected best mean of the last {report.LastK} {report.RankedBy} of n {units} drawn from the {mean.Length} completed"));
        plot.XLabel($"{units} (n)");
        plot.YLabel(string.Create(CultureInfo.InvariantCulture, $"expected best stable {report.RankedBy}"));
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, folder, "expected-best.png");
    }

    private static string Effect(string folder, string parameter, IReadOnlyList<ParameterEffect> effects, int k, string metric)
    {
        var plot = new Plot();
        double[] positions = [.. Enumerable.Range(0, effects.Count).Select(i => (double)i)];
        var bars = plot.Add.Bars(positions, effects.Select(e => e.MeanStable).ToArray());
        bars.Color = Colors.SteelBlue;
        var errors = plot.Add.ErrorBar(positions, effects.Select(e => e.MeanStable).ToArray(), effects.Select(e => e.MeanStd).ToArray());
        errors.Color = Colors.Black;
        plot.Axes.Bottom.SetTicks(positions, [.. effects.Select(e => $"{e.Value} (n={e.Trials})")]);
        double low = effects.Min(e => e.MeanStable - e.MeanStd);
        plot.Axes.SetLimitsY(Math.Max(0, low - 0.05), Math.Min(1.02, effects.Max(e => e.MeanStable + e.MeanStd) + 0.02));
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Effect of {parameter}: mean of the last {k} {metric} (bars) and the mean std of val_accuracy (whiskers)"));
        plot.XLabel(parameter);
        plot.YLabel(string.Create(CultureInfo.InvariantCulture, $"stable {metric}"));
        return Save(plot, folder, EffectFile(parameter));
    }

    private static void Style(ScottPlot.Plottables.Scatter line, Color color, string legend)
    {
        line.Color = color;
        line.LineWidth = 3;
        line.MarkerSize = 5;
        line.LegendText = legend;
    }

    private static string Save(Plot plot, string folder, string file)
    {
        plot.SavePng(Path.Combine(folder, file), Width, Height);
        return file;
    }
}
