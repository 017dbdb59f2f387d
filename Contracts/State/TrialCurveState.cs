namespace AslSweep.Contracts.State;

/// <summary>
/// Persisted curve of one trial (record <c>curve-&lt;trial&gt;</c> of its sweep's coordinator): its epochs and the
/// results its scheduler was given. Written only when they changed, so a tick's write does not grow with every
/// epoch of every trial.
/// </summary>
[GenerateSerializer]
[Alias("aslsweep.TrialCurveState")]
public sealed class TrialCurveState
{
    /// <summary>1-based trial number.</summary>
    [Id(0)]
    public int TrialId { get; set; }

    /// <summary>Every epoch reported, in order, each once.</summary>
    [Id(1)]
    public List<EpochReport> Epochs { get; set; } = [];

    /// <summary>The trial's results given to the scheduler, each with its place in the sweep's order.</summary>
    [Id(2)]
    public List<SchedulerResultState> SchedulerResults { get; set; } = [];
}
