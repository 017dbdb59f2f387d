
namespace AslSweep.Contracts.State;

/// <summary>Persisted registrations: per silo, its workers and when the registration lapses.</summary>
[GenerateSerializer]
[Alias("aslsweep.WorkerRegistryState")]
public sealed class WorkerRegistryState
{
    /// <summary>Per silo name, its workers.</summary>
    [Id(0)]
    public Dictionary<string, List<WorkerInfo>> Workers { get; set; } = [];

    /// <summary>Per silo name, when its registration lapses unless renewed.</summary>
    [Id(1)]
    public Dictionary<string, DateTimeOffset> Expires { get; set; } = [];
}
