using System.ComponentModel;
using System.Globalization;
using AslSweep.Client.Cluster;
using AslSweep.Client.Output;
using AslSweep.Contracts;
using AslSweep.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Commands;

/// <summary>
/// <c>aslsweep dev [spec]</c>: one command that starts a single-node cluster in this process, runs a sweep (the
/// default one on the embedded synthetic data) with live progress, prints the report and writes it to
/// <c>./sweeps/&lt;id&gt;/</c>.
/// </summary>
public sealed class DevCommand : AsyncCommand<DevCommand.Settings>
{
    /// <summary>Options of <c>dev</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[SPEC]")]
        [Description("A sweep spec file, or an embedded spec name (default, full, baseline, random-lr). Default: default.")]
        public string? Spec { get; init; }

        [CommandOption("--full")]
        [Description("Run the embedded full sweep (the notebook's full settings; about half an hour on 2 cores).")]
        public bool Full { get; init; }

        [CommandOption("--out <FOLDER>")]
        [Description("Where sweep folders (report, epochs) and checkpoints go.")]
        [DefaultValue("sweeps")]
        public string Out { get; init; } = "sweeps";

        [CommandOption("--cpu-slots <N>")]
        [Description("CPU workers of the dev silo (torch threads are divided among them). Default: as many as the spec runs at once (max_concurrent), at most one per core: on 2 cores two trials side by side with one thread each trained 1.23x the images per second of one trial with two threads (README).")]
        public int? CpuSlots { get; init; }

        [CommandOption("--cpu-backend <NAME>")]
        [Description(CpuBackendOption.Description)]
        public string? CpuBackend { get; init; }

        [CommandOption("--orleans-dashboard")]
        [Description("Also serve the Orleans dashboard (no authentication; loopback only) at <metrics address>/dashboard.")]
        public bool OrleansDashboard { get; init; }

        [CommandOption("--gateway-port <PORT>")]
        [Description("Client gateway port, for `aslsweep watch --gateway 127.0.0.1:PORT` from another shell (default: a free port).")]
        public int? GatewayPort { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Full && Spec is not null)
            {
                return ValidationResult.Error("--full: give either a spec or --full, not both");
            }

            return CpuSlots is < 1 ? ValidationResult.Error("--cpu-slots: must be at least 1") : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SweepSpec spec = EmbeddedSpecs.Resolve(settings.Spec ?? (settings.Full ? "full" : "default"));
        CpuBackendOption.Choose(settings.CpuBackend);
        int gatewayPort = settings.GatewayPort ?? InProcessSilo.FreePort();
        int slots = settings.CpuSlots ?? DefaultCpuSlots(spec, Environment.ProcessorCount);
        using var host = BuildHost(settings, slots, gatewayPort);
        await host.StartAsync(cancellationToken);
        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            string id = SweepIds.New(spec.Name, DateTimeOffset.UtcNow);
            var coordinator = client.GetGrain<ISweepCoordinatorGrain>(id);
            var started = await coordinator.Start(spec);
            AnsiConsole.MarkupLineInterpolated($"Dev cluster: one silo in this process, gateway 127.0.0.1:{gatewayPort} (from another shell: aslsweep watch {id} --gateway 127.0.0.1:{gatewayPort})");
            AnsiConsole.MarkupLineInterpolated($"Prometheus metrics {InProcessSilo.MetricsUrl(host)}");
            if (settings.OrleansDashboard)
            {
                AnsiConsole.MarkupLineInterpolated($"Orleans dashboard {new Uri(InProcessSilo.MetricsUrl(host), "/dashboard")}");
            }

            AnsiConsole.MarkupLineInterpolated($"Sweep [bold]{id}[/]: {started.Trials.Length} trials{(spec.Data.Synthetic ? " on the embedded SYNTHETIC data" : "")}. Ctrl+C cancels it and keeps what finished.");
            bool cancelled = false;
            SweepStatus status;
            using (var interrupt = new ConsoleInterrupt(cancellationToken))
            {
                try
                {
                    status = await SweepConsole.Watch(coordinator.GetSummary, interrupt.Token);
                }
                catch (OperationCanceledException)
                {
                    cancelled = true;
                    status = await coordinator.Cancel();
                    while (SweepConsole.IsActive(status))
                    {
                        await Task.Delay(500, CancellationToken.None);
                        status = await coordinator.GetSummary();
                    }
                }
            }

            // The files hold every curve: the full status, read once at the end.
            status = await coordinator.GetStatus();

            // Written before anything is printed: what was computed is on disk whatever the console does.
            var report = await coordinator.GetReport();
            string folder = SweepFiles.Write(Path.Combine(settings.Out, id), status, report, Checkpoints(settings));
            SweepConsole.PrintReport(report);
            AnsiConsole.MarkupLineInterpolated($"Wrote {Path.GetFullPath(folder)} ({SweepFiles.Describe(folder)})");
            return cancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The dev silo's CPU workers when --cpu-slots is not given: as many as the spec runs at once, at most one per
    /// core, so that each trial gets whole cores (the silo divides torch's threads among its workers).
    /// </summary>
    public static int DefaultCpuSlots(SweepSpec spec, int cores)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Math.Max(1, Math.Min(spec.MaxConcurrent, cores));
    }

    private static WebApplication BuildHost(Settings settings, int slots, int gatewayPort) => InProcessSilo.Build("dev", new Dictionary<string, string?>
    {
        ["AslSweep:Workers:CpuSlots"] = slots.ToString(CultureInfo.InvariantCulture),
        ["AslSweep:Silo:OrleansDashboard"] = settings.OrleansDashboard ? "true" : "false",
        ["AslSweep:Workers:CheckpointRoot"] = Checkpoints(settings),
    }, gatewayPort);

    private static string Checkpoints(Settings settings) => Path.Combine(settings.Out, ".checkpoints");
}
