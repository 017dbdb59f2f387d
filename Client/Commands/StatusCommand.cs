using System.ComponentModel;
using AslSweep.Client.Cluster;
using AslSweep.Client.Output;
using AslSweep.Cluster;
using AslSweep.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary><c>aslsweep status [id]</c>: the cluster's workers, or one sweep's trials.</summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    /// <summary>Options of <c>status</c>.</summary>
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("A sweep id; without it, the cluster's workers.")]
        public string? Id { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var cluster = await ClusterConnection.Connect(settings, cancellationToken);
        if (settings.Id is not null)
        {
            var coordinator = await SweepLookup.Find(cluster.Client, settings.Id);
            AnsiConsole.Write(SweepConsole.Table(await ClusterCalls.Retry(coordinator.GetSummary, $"reading sweep {settings.Id}", cancellationToken)));
            return ExitCodes.Ok;
        }

        var workers = await cluster.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers();
        var table = new Table().Title($"{workers.Length} workers").AddColumns("worker", "silo", "device", "running", "cpu backend");
        foreach (var worker in workers)
        {
            var status = await cluster.Client.GetGrain<ITrainingWorkerGrain>(worker.WorkerId).GetStatus();
            table.AddRow(Markup.Escape(worker.WorkerId), Markup.Escape(status.ActivationSilo), worker.Device, status.SweepId is null ? "idle" : Markup.Escape($"{status.SweepId} trial {status.TrialId}"), CpuBackendCell(worker));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static string CpuBackendCell(WorkerInfo worker) => worker.CpuBackend.Length == 0 ? "-"
        : worker.NumericsTrusted ? Markup.Escape(worker.CpuBackend) : $"[red]{Markup.Escape(worker.CpuBackend)}[/]";
}
