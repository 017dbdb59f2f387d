namespace AslSweep.Contracts;

/// <summary>One line of <c>aslsweep list</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SweepSummary")]
public sealed record SweepSummary
{
    /// <summary>The sweep id.</summary>
    [Id(0)]
    public string SweepId { get; init; } = "";

    /// <summary>The spec's name.</summary>
    [Id(1)]
    public string Name { get; init; } = "";

    /// <summary>When it was submitted.</summary>
    [Id(2)]
    public DateTimeOffset CreatedAt { get; init; }
}
