using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Grains.Workers;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AslSweep.Hosting;

/// <summary>
/// Registers this silo's workers once the silo is active, renews them while it lives, and withdraws them first
/// thing on shutdown (before grains deactivate), so coordinators always know the cluster's capacity.
/// </summary>
public sealed class WorkerRegistration(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<WorkerOptions> options,
    ILogger<WorkerRegistration> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _renewals = Task.CompletedTask;

    /// <summary>This silo's workers (known once the silo is active).</summary>
    public ImmutableArray<WorkerInfo> Workers { get; private set; } = [];

    /// <inheritdoc />
    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(nameof(WorkerRegistration), ServiceLifecycleStage.Active, Start, Stop);
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private async Task Start(CancellationToken cancellation)
    {
        if (silo.Name.Contains('/', StringComparison.Ordinal))
        {
            throw new OptionsValidationException("SiloName", typeof(string), [$"silo name '{silo.Name}' must not contain '/'"]);
        }

        var numerics = ChooseCpuBackend();
        var (cudaDevices, cudaProblem) = DeviceDiscovery.CudaDevices();
        Workers = [.. DeviceDiscovery.Discover(silo.Name, options.Value, cudaDevices, TorchVersions.BuildBackend, cudaProblem)
            .Select(w => numerics is null ? w : w with { CpuBackend = numerics.Summary, NumericsTrusted = numerics.ProbePassed })];
        int threads = DeviceDiscovery.TorchThreads(options.Value, Workers);
        TorchDevices.SetThreads(threads);
        await grains.GetGrain<IWorkerRegistryGrain>(0).Register(silo.Name, Workers, Lease);
        logger.LogInformation("Silo {Silo} registered {Count} workers ({Devices}), {Threads} torch threads", silo.Name, Workers.Length, string.Join(", ", Workers.Select(w => w.Device)), threads);
        _renewals = Task.Run(Renew, CancellationToken.None);
    }

    // A registration lapses after three missed renewals: a silo stopped without withdrawing leaves within that.
    private TimeSpan Lease => options.Value.RegistrationRenewal * 3;

    /// <summary>The process's CPU backend, chosen and probed before any trial (null for the simulated trainer).</summary>
    private NumericsStatus? ChooseCpuBackend()
    {
        if (options.Value.Trainer != TrainerKind.Torch)
        {
            return null;
        }

        if (CpuBackends.TryParse(options.Value.CpuBackend, out var backend))
        {
            try
            {
                TorchNumerics.Request(backend, $"{WorkerOptions.Section}:CpuBackend");
            }
            catch (InvalidOperationException e)
            {
                // Another part of this process (aslsweep dev's --cpu-backend, another silo) chose first.
                throw new OptionsValidationException($"{WorkerOptions.Section}:CpuBackend", typeof(WorkerOptions), [e.Message]);
            }
        }

        var numerics = TorchNumerics.Ensure();
        logger.LogInformation("Silo {Silo} CPU backend: {Backend}", silo.Name, numerics.Describe());
        if (numerics.Warning is { } warning)
        {
            logger.LogWarning("Silo {Silo}: {Warning}", silo.Name, warning);
        }

        return numerics;
    }

    private async Task Renew()
    {
        using var timer = new PeriodicTimer(options.Value.RegistrationRenewal);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await grains.GetGrain<IWorkerRegistryGrain>(0).Register(silo.Name, Workers, Lease);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    logger.LogWarning(e, "Could not renew the workers of silo {Silo}", silo.Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task Stop(CancellationToken cancellation)
    {
        await _stop.CancelAsync();
        await _renewals;
        try
        {
            await grains.GetGrain<IWorkerRegistryGrain>(0).Unregister(silo.Name).WaitAsync(TimeSpan.FromSeconds(5), cancellation);
            logger.LogInformation("Silo {Silo} withdrew its workers", silo.Name);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not withdraw the workers of silo {Silo}; they lapse with their lease", silo.Name);
        }
    }
}
