using AslSweep.Client.Cluster;
using AslSweep.Client.Output;
using AslSweep.Cluster;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep watch &lt;id&gt;</c>: a live table until the sweep ends, then the report. Re-attach any time.</summary>
public sealed class WatchCommand : AsyncCommand<WatchCommand.Settings>
{
    /// <summary>Options of <c>watch</c>.</summary>
    public sealed class Settings : SweepIdSettings
    {
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        var coordinator = await SweepLookup.Find(cluster.Client, settings.Id);
        try
        {
            await SweepConsole.Watch(coordinator.GetSummary, cancellationToken);
            SweepConsole.PrintReport(await coordinator.GetReport());
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            throw new ClusterUnavailableException($"lost the connection to the cluster ({e.Message}); the sweep runs on in the cluster: re-attach with `aslsweep watch {settings.Id}`", e);
        }

        return ExitCodes.Ok;
    }
}
