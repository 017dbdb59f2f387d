using AslSweep.Grains;
using AslSweep.Grains.Coordination;
using AslSweep.Grains.Placement;
using AslSweep.Grains.Telemetry;
using AslSweep.Grains.Workers;
using AslSweep.Sweeps.Specs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AslSweep.Hosting;

/// <summary>Registers AslSweep's grains' services on a silo.</summary>
public static class AslSweepSiloBuilderExtensions
{
    /// <summary>
    /// Adds the workers (options from <c>AslSweep:Workers</c>, validated on start), the silo-name placement, the
    /// dataset cache and the worker registration. Grain storage "sweeps" and reminders are in memory unless the caller added others (Redis).
    /// </summary>
    public static ISiloBuilder AddAslSweep(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<SweepMetrics>();
        services.AddSingleton<DatasetCache>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<TorchTrialTrainer>();
        services.AddSingleton<SimulatedTrialTrainer>();
        services.AddSingleton<ITrialTrainer>(sp => sp.GetRequiredService<IOptions<WorkerOptions>>().Value.Trainer == TrainerKind.Simulated
            ? sp.GetRequiredService<SimulatedTrialTrainer>()
            : sp.GetRequiredService<TorchTrialTrainer>());
        services.AddPlacementDirector<SiloNamePlacement, SiloNamePlacementDirector>();
        services.AddSingleton<WorkerRegistration>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkerRegistration>());
        services.AddOptions<SweepCoordinatorOptions>();
        services.AddOptions<SweepLimitsOptions>().BindConfiguration(SweepLimitsOptions.Section)
            .Validate(l => l.Validate().Count == 0, "invalid AslSweep:Limits").ValidateOnStart();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, StorageNames.Sweeps)))
        {
            builder.AddMemoryGrainStorage(StorageNames.Sweeps);
        }

        if (!services.Any(s => s.ServiceType == typeof(IReminderTable)))
        {
            builder.UseInMemoryReminderService();
        }

        return builder;
    }
}
