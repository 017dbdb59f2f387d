using AslSweep.Contracts;

namespace AslSweep.Grains.State;

/// <summary>Persisted list of sweeps.</summary>
[GenerateSerializer]
[Alias("aslsweep.SweepIndexState")]
public sealed class SweepIndexState
{
    [Id(0)]
    public List<SweepSummary> Sweeps { get; set; } = [];
}
