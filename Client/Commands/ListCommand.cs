using System.Globalization;
using AslSweep.Client.Cluster;
using AslSweep.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep list</c>: the cluster's sweeps, newest first.</summary>
public sealed class ListCommand : AsyncCommand<ListCommand.Settings>
{
    /// <summary>Options of <c>list</c>.</summary>
    public sealed class Settings : ClusterSettings
    {
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var table = new Table().AddColumns("sweep", "name", "submitted", "state", "trials");
        foreach (var sweep in await cluster.Client.GetGrain<ISweepIndexGrain>(0).List())
        {
            var status = await cluster.Client.GetGrain<ISweepCoordinatorGrain>(sweep.SweepId).GetSummary();
            string trials = string.Join(", ", status.Trials.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
            table.AddRow(Markup.Escape(sweep.SweepId), Markup.Escape(sweep.Name), sweep.CreatedAt.ToString("u", CultureInfo.InvariantCulture), status.State.ToString(), trials);
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
