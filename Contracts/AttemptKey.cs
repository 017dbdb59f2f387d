namespace AslSweep.Contracts;

/// <summary>One attempt of one trial of one sweep: what a worker confirms it holds when the coordinator asks.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.AttemptKey")]
public sealed record AttemptKey
{
    /// <summary>The sweep.</summary>
    [Id(0)]
    public string SweepId { get; init; } = "";

    /// <summary>The trial.</summary>
    [Id(1)]
    public int TrialId { get; init; }

    /// <summary>The attempt number (monotonic per trial).</summary>
    [Id(2)]
    public int Attempt { get; init; }
}
