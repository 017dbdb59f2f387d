
namespace AslSweep.Contracts.State;

/// <summary>Persisted state of a sweep coordinator (mutable; never marked immutable).</summary>
[GenerateSerializer]
[Alias("aslsweep.SweepCoordinatorState")]
public sealed class SweepCoordinatorState
{
    /// <summary>The sweep id (the grain key).</summary>
    [Id(0)]
    public string SweepId { get; set; } = "";

    /// <summary>The spec as admitted; null before the sweep starts.</summary>
    [Id(1)]
    public SweepSpec? Spec { get; set; }

    /// <summary>The sweep's state.</summary>
    [Id(2)]
    public SweepState State { get; set; }

    /// <summary>Every trial, in trial id order.</summary>
    [Id(3)]
    public List<TrialProgressState> Trials { get; set; } = [];

    /// <summary>When the sweep was admitted.</summary>
    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it ended; null while it runs.</summary>
    [Id(5)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Every result given to the scheduler, in order (its decisions depend on that order). Held in memory and
    /// persisted with each trial's curve (<see cref="SchedulerResultState.Sequence"/> keeps the order).
    /// </summary>
    [field: NonSerialized]
    public List<SchedulerResultState> SchedulerResults { get; set; } = [];

    /// <summary>Where states saved before the results moved out held them; read once at activation, then empty.</summary>
    [Id(6)]
    public List<SchedulerResultState> SavedSchedulerResults { get; set; } = [];

    /// <summary>The scheduler's stop decisions, in order.</summary>
    [Id(7)]
    public List<SchedulingDecision> Decisions { get; set; } = [];

    /// <summary>Trials whose checkpoints were deleted under the spec's <c>keep_checkpoints</c>.</summary>
    [Id(8)]
    public List<int> ReleasedCheckpoints { get; set; } = [];
}
