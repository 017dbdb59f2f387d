using System.ComponentModel;
using AslSweep.Client.Cluster;
using AslSweep.Client.Output;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep results &lt;id&gt;</c>: the ranked report as a table, CSV or JSON.</summary>
public sealed class ResultsCommand : AsyncCommand<ResultsCommand.Settings>
{
    /// <summary>Output formats.</summary>
    public enum Format
    {
        /// <summary>A table for people.</summary>
        Table,

        /// <summary>The ranked trials as CSV.</summary>
        Csv,

        /// <summary>The report and every curve as JSON.</summary>
        Json,
    }

    /// <summary>Options of <c>results</c>.</summary>
    public sealed class Settings : SweepIdSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table, csv or json.")]
        [DefaultValue(Format.Table)]
        public Format OutputFormat { get; init; } = Format.Table;

        [CommandOption("--out <FOLDER>")]
        [Description("Also write the report files (as `report` does) to this folder.")]
        public string? Out { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var coordinator = await SweepLookup.Find(cluster.Client, settings.Id);
        var report = await coordinator.GetReport();
        var status = await coordinator.GetStatus();
        switch (settings.OutputFormat)
        {
            case Format.Csv:
                Console.Write(SweepFiles.ReportCsv(report));
                break;
            case Format.Json:
                Console.WriteLine(SweepFiles.Json(report, status));
                break;
            default:
                SweepConsole.PrintReport(report);
                break;
        }

        if (settings.Out is not null)
        {
            SweepFiles.Write(settings.Out, status, report);
        }

        return ExitCodes.Ok;
    }
}
