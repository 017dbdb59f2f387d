using AslSweep.Client.Cluster;
using AslSweep.Cluster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep cancel &lt;id&gt;</c>: stops every pending and running trial; completed epochs are kept.</summary>
public sealed class CancelCommand : AsyncCommand<CancelCommand.Settings>
{
    /// <summary>Options of <c>cancel</c>.</summary>
    public sealed class Settings : SweepIdSettings
    {
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var coordinator = await SweepLookup.Find(cluster.Client, settings.Id);
        // Cancelling twice is harmless: a call that failed while a silo was being declared dead is made again.
        var status = await ClusterCalls.Retry(coordinator.Cancel, $"cancelling sweep {settings.Id}", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Sweep {status.SweepId}: {status.State}; running trials stop at their next batch.");
        return ExitCodes.Ok;
    }
}
