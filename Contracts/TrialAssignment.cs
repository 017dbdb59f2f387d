namespace AslSweep.Contracts;

/// <summary>What a coordinator hands a worker: one attempt of one trial.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.TrialAssignment")]
public sealed record TrialAssignment
{
    /// <summary>The sweep (and coordinator grain key).</summary>
    [Id(0)]
    public string SweepId { get; init; } = "";

    /// <summary>The trial within the sweep.</summary>
    [Id(1)]
    public int TrialId { get; init; }

    /// <summary>1-based attempt; reports of older attempts are ignored.</summary>
    [Id(2)]
    public int Attempt { get; init; }

    /// <summary>The hyperparameters.</summary>
    [Id(3)]
    public TrialConfig Config { get; init; } = new();

    /// <summary>The data to train on.</summary>
    [Id(4)]
    public DataSpec Data { get; init; } = new();
}
