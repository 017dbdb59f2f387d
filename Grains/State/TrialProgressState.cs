using AslSweep.Contracts;

namespace AslSweep.Grains.State;

/// <summary>Persisted state of one trial inside <see cref="SweepCoordinatorState"/> (mutable).</summary>
[GenerateSerializer]
[Alias("aslsweep.TrialProgressState")]
public sealed class TrialProgressState
{
    [Id(0)]
    public int TrialId { get; set; }

    [Id(1)]
    public TrialConfig Config { get; set; } = new();

    [Id(2)]
    public TrialState State { get; set; }

    [Id(3)]
    public List<EpochReport> Epochs { get; set; } = [];

    /// <summary>Attempts started; the attempt number of the current one (monotonic, so stale reports are recognised).</summary>
    [Id(4)]
    public int Attempts { get; set; }

    /// <summary>Attempts that threw (interruptions by a silo shutting down or dying do not count).</summary>
    [Id(5)]
    public int Failures { get; set; }

    [Id(6)]
    public string? Worker { get; set; }

    [Id(7)]
    public string? Message { get; set; }

    [Id(8)]
    public bool IsBaseline { get; set; }
}
