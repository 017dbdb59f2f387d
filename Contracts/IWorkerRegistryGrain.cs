using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// The cluster's capacity (key 0): silos register their workers on start, renew them while alive and withdraw
/// them on shutdown; registrations not renewed in time lapse, so a dead silo's workers disappear.
/// </summary>
[Alias("aslsweep.IWorkerRegistryGrain")]
public interface IWorkerRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Registers or renews a silo's workers for <paramref name="lease"/> (the silo renews well within it: three of
    /// its renewal periods).
    /// </summary>
    [Alias("Register")]
    Task Register(string silo, ImmutableArray<WorkerInfo> workers, TimeSpan lease);

    /// <summary>Withdraws a silo's workers.</summary>
    [Alias("Unregister")]
    Task Unregister(string silo);

    /// <summary>The live workers.</summary>
    [Alias("GetWorkers")]
    Task<ImmutableArray<WorkerInfo>> GetWorkers();
}
