using System.ComponentModel;
using AslSweep.Client.Cluster;
using AslSweep.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep report &lt;id&gt;</c>: writes report.md with plots, report.json, report.csv, epochs.csv and the recommended model.</summary>
public sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    /// <summary>Options of <c>report</c>.</summary>
    public sealed class Settings : SweepIdSettings
    {
        [CommandOption("--out <FOLDER>")]
        [Description("Parent folder; the report goes to <FOLDER>/<id>/.")]
        [DefaultValue("sweeps")]
        public string Out { get; init; } = "sweeps";

        [CommandOption("--checkpoints <FOLDER>")]
        [Description("The workers' checkpoint root as seen from here (a shared volume; the dev cluster's is sweeps/.checkpoints), to copy the recommended model. Default: <out>/.checkpoints.")]
        public string? Checkpoints { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var coordinator = await SweepLookup.Find(cluster.Client, settings.Id);
        var status = await coordinator.GetStatus();
        var report = await coordinator.GetReport();
        string folder = SweepFiles.Write(Path.Combine(settings.Out, status.SweepId), status, report, settings.Checkpoints ?? Path.Combine(settings.Out, ".checkpoints"));
        SweepConsole.PrintReport(report);
        AnsiConsole.MarkupLineInterpolated($"Wrote {Path.GetFullPath(folder)} ({SweepFiles.Describe(folder)})");
        return ExitCodes.Ok;
    }
}
