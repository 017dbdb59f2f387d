namespace AslSweep.Contracts;

/// <summary>A scheduler's decision to stop a trial, with the reason (the rung or median it fell short of).</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SchedulingDecision")]
public sealed record SchedulingDecision
{
    /// <summary>The trial.</summary>
    [Id(0)]
    public int TrialId { get; init; }

    /// <summary>The epoch after which it was decided.</summary>
    [Id(1)]
    public int Epoch { get; init; }

    /// <summary>The trial's selection metric at that epoch.</summary>
    [Id(2)]
    public double Value { get; init; }

    /// <summary>Why, with the numbers compared.</summary>
    [Id(3)]
    public string Reason { get; init; } = "";
}
