using AslSweep.Contracts;

namespace AslSweep.Grains.State;

/// <summary>Persisted registrations: per silo, its workers and when the registration lapses.</summary>
[GenerateSerializer]
[Alias("aslsweep.WorkerRegistryState")]
public sealed class WorkerRegistryState
{
    [Id(0)]
    public Dictionary<string, List<WorkerInfo>> Workers { get; set; } = [];

    [Id(1)]
    public Dictionary<string, DateTimeOffset> Expires { get; set; } = [];
}
