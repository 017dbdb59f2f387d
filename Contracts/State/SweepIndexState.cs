
namespace AslSweep.Contracts.State;

/// <summary>Persisted list of sweeps.</summary>
[GenerateSerializer]
[Alias("aslsweep.SweepIndexState")]
public sealed class SweepIndexState
{
    /// <summary>Every sweep ever started, oldest first.</summary>
    [Id(0)]
    public List<SweepSummary> Sweeps { get; set; } = [];

    /// <summary>Sweeps admitted and not yet ended (the concurrent-sweeps limit).</summary>
    [Id(1)]
    public HashSet<string> Running { get; set; } = [];
}
