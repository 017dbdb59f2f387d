using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Search;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AslSweep.Client.Output;

/// <summary>Renders sweeps: the live trial table (a progress bar per running trial) and the ranked report.</summary>
public static class SweepConsole
{
    private const int BarWidth = 20;

    /// <summary>
    /// Polls <paramref name="poll"/> (a coordinator's summary) until the sweep ends, showing a live table (or, without a terminal, one line per finished epoch and
    /// state change); returns the last status.
    /// </summary>
    public static async Task<SweepStatus> Watch(Func<Task<SweepStatus>> poll, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var status = await poll();
        if (Console.IsOutputRedirected)
        {
            var seen = new Dictionary<int, (TrialState, int)>();
            while (true)
            {
                PrintChanges(status, seen);
                if (!IsActive(status))
                {
                    return status;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                status = await poll();
            }
        }

        await AnsiConsole.Live(Table(status)).AutoClear(false).StartAsync(async live =>
        {
            while (IsActive(status))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                status = await poll();
                live.UpdateTarget(Table(status));
            }
        });
        return status;
    }

    /// <summary>True while the sweep runs or any of its trials still does (a cancelled sweep's trials stop at their next batch).</summary>
    public static bool IsActive(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State == SweepState.Running || status.Trials.Any(t => t.State == TrialState.Running);
    }

    /// <summary>The trial table of <paramref name="status"/>.</summary>
    public static IRenderable Table(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var table = new Table()
            .Title(Markup.Escape($"{status.SweepId} ({status.Name}) - {status.State}{(status.Synthetic ? " - SYNTHETIC data" : "")}"))
            .AddColumns("trial", "state", "progress", "epoch", "val acc (moving / recomputed)", "best (moving)", "changed from the baseline");
        foreach (var trial in status.Trials)
        {
            int epochs = trial.EpochsDone;
            double done = (epochs + (trial.State == TrialState.Running ? trial.EpochProgress : 0)) / trial.Config.Epochs;
            table.AddRow(
                trial.TrialId.ToString(CultureInfo.InvariantCulture) + (trial.IsBaseline ? "*" : ""),
                StateMarkup(trial.State),
                Bar(done),
                $"{epochs}/{trial.Config.Epochs}",
                epochs > 0 ? $"{F(trial.Epochs[^1].ValAccuracy)} / {F(trial.Epochs[^1].RecomputedValAccuracy)}" : "",
                epochs > 0 ? F(trial.BestValAccuracy) : "",
                Markup.Escape(string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, trial.Config))));
        }

        return table;
    }

    /// <summary>Prints the ranked report.</summary>
    public static void PrintReport(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table()
            .Title(Markup.Escape($"Report {report.SweepId}{(report.Synthetic ? " (SYNTHETIC data)" : "")}: ranked by mean {report.RankedBy} of the last {report.LastK} epochs, {report.View} BatchNorm statistics"))
            .AddColumns("rank", "trial", "state", "epochs", "best", "final", $"mean last {report.LastK}", "std", "gap", "verdict", "moving (Keras): mean ± std", "changed from the baseline");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                row.Rank.ToString(CultureInfo.InvariantCulture),
                row.TrialId.ToString(CultureInfo.InvariantCulture) + (row.IsBaseline ? "*" : ""),
                row.State.ToString(),
                row.Epochs.ToString(CultureInfo.InvariantCulture),
                F(row.BestValAccuracy),
                F(row.FinalValAccuracy),
                F(row.MeanLastK),
                F(row.StdLastK),
                F(row.TrainValGap),
                row.Verdict.ToString().ToLowerInvariant(),
                double.IsNaN(row.Moving.MeanLastK) ? "-" : $"{F(row.Moving.MeanLastK)} ± {F(row.Moving.StdLastK)} {row.Moving.Verdict.ToString().ToLowerInvariant()}",
                Markup.Escape(string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, row.Config))));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("* = the notebook's configuration. " + report.Thresholds);
        foreach (var row in report.Rows.Where(r => r.Diagnosis.Length > 0))
        {
            AnsiConsole.WriteLine($"trial {row.TrialId}: {row.Diagnosis}");
        }

        if (!report.Configurations.IsEmpty)
        {
            // Both views of val_accuracy, the notebook's (moving) among them; a loss ranked by gets its own column.
            bool loss = report.RankedBy != "val_accuracy";
            var configurations = new Table()
                .Title(Markup.Escape($"Configurations: mean over {report.Replicates} seeds [95% bootstrap interval]"))
                .AddColumns(["rank", "trials", "replicates", .. loss ? [$"{report.RankedBy} ({report.View})"] : Array.Empty<string>(), "val_accuracy recomputed", "moving (Keras)", "changed from the baseline"]);
            foreach (var c in report.Configurations)
            {
                configurations.AddRow([
                    c.Rank.ToString(CultureInfo.InvariantCulture),
                    string.Join(",", c.TrialIds) + (c.IsBaseline ? "*" : ""),
                    Markup.Escape(c.States),
                    .. loss ? [Markup.Escape(Interval(c.Stable))] : Array.Empty<string>(),
                    Markup.Escape(Interval(c.Recomputed)),
                    Markup.Escape(Interval(c.Moving)),
                    Markup.Escape(string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, c.Config).Where(d => !d.StartsWith("seed=", StringComparison.Ordinal)))),
                ]);
            }

            AnsiConsole.Write(configurations);
        }

        AnsiConsole.WriteLine("recommended: " + report.Recommendation);
    }

    // "val_accuracy 0.0556 (recomputed 0.8611)": the moving view (the notebook's), the recomputed beside it.
    private static string Accuracies(EpochReport epoch) => double.IsNaN(epoch.RecomputedValAccuracy)
        ? string.Create(CultureInfo.InvariantCulture, $"val_accuracy {epoch.ValAccuracy:F4}")
        : string.Create(CultureInfo.InvariantCulture, $"val_accuracy {epoch.ValAccuracy:F4} (recomputed {epoch.RecomputedValAccuracy:F4})");

    private static void PrintChanges(SweepStatus status, Dictionary<int, (TrialState State, int Epochs)> seen)
    {
        foreach (var trial in status.Trials)
        {
            var now = (trial.State, trial.EpochsDone);
            if (seen.TryGetValue(trial.TrialId, out var before) && before == now)
            {
                continue;
            }

            seen[trial.TrialId] = now;
            string last = trial.Epochs.Length > 0 ? " " + Accuracies(trial.Epochs[^1]) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {trial.TrialId}: {trial.State} epoch {trial.EpochsDone}/{trial.Config.Epochs}{last}{(trial.Worker is null ? "" : $" on {trial.Worker}")}{(trial.Message is null || trial.State == TrialState.Running ? "" : $" - {trial.Message}")}"));
        }
    }

    private static string Bar(double fraction)
    {
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
        return $"[green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/] {fraction:P0}";
    }

    private static string StateMarkup(TrialState state) => state switch
    {
        TrialState.Running => "[blue]Running[/]",
        TrialState.Completed => "[green]Completed[/]",
        TrialState.Failed or TrialState.Diverged => $"[red]{state}[/]",
        TrialState.Cancelled or TrialState.Stopped => $"[yellow]{state}[/]",
        _ => state.ToString(),
    };

    private static string F(double value) => double.IsNaN(value) ? "" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Interval(IntervalEstimate estimate) => double.IsNaN(estimate.Mean) ? "" : $"{F(estimate.Mean)} [{F(estimate.Low)}, {F(estimate.High)}]";
}
