namespace AslSweep.Contracts;

/// <summary>What a worker is doing.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.WorkerStatus")]
public sealed record WorkerStatus
{
    /// <summary>The worker.</summary>
    [Id(0)]
    public WorkerInfo Worker { get; init; } = new();

    /// <summary>The silo the activation actually runs on.</summary>
    [Id(1)]
    public string ActivationSilo { get; init; } = "";

    /// <summary>Sweep of the running trial, or null when idle.</summary>
    [Id(2)]
    public string? SweepId { get; init; }

    /// <summary>The running trial, or 0.</summary>
    [Id(3)]
    public int TrialId { get; init; }

    /// <summary>Trials this activation has started.</summary>
    [Id(4)]
    public int TrialsStarted { get; init; }
}
