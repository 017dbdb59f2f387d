using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>A sweep's live state: every trial with its curve so far.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SweepStatus")]
public sealed record SweepStatus
{
    /// <summary>The sweep id.</summary>
    [Id(0)]
    public string SweepId { get; init; } = "";

    /// <summary>The spec's name.</summary>
    [Id(1)]
    public string Name { get; init; } = "";

    /// <summary>The sweep's state.</summary>
    [Id(2)]
    public SweepState State { get; init; }

    /// <summary>Every trial.</summary>
    [Id(3)]
    public ImmutableArray<TrialStatus> Trials { get; init; } = [];

    /// <summary>When it was submitted.</summary>
    [Id(4)]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it ended, if it has.</summary>
    [Id(5)]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The spec.</summary>
    [Id(6)]
    public SweepSpec Spec { get; init; } = new();

    /// <summary>True for the embedded synthetic data (every output says so).</summary>
    public bool Synthetic => Spec.Data.Synthetic;

    /// <summary>Every trial the scheduler stopped, in the order decided, with the reason.</summary>
    [Id(7)]
    public ImmutableArray<SchedulingDecision> Decisions { get; init; } = [];
}
