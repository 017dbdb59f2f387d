using AslSweep.Contracts;

namespace AslSweep.Grains.State;

/// <summary>Persisted state of a sweep coordinator (mutable; never marked immutable).</summary>
[GenerateSerializer]
[Alias("aslsweep.SweepCoordinatorState")]
public sealed class SweepCoordinatorState
{
    [Id(0)]
    public string SweepId { get; set; } = "";

    [Id(1)]
    public SweepSpec? Spec { get; set; }

    [Id(2)]
    public SweepState State { get; set; }

    [Id(3)]
    public List<TrialProgressState> Trials { get; set; } = [];

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Every result given to the scheduler, in order (its decisions depend on that order).</summary>
    [Id(6)]
    public List<SchedulerResultState> SchedulerResults { get; set; } = [];

    /// <summary>The scheduler's stop decisions, in order.</summary>
    [Id(7)]
    public List<SchedulingDecision> Decisions { get; set; } = [];

    /// <summary>Trials whose checkpoints were deleted under the spec's <c>keep_checkpoints</c>.</summary>
    [Id(8)]
    public List<int> ReleasedCheckpoints { get; set; } = [];
}
