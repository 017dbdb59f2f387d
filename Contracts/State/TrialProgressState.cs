
namespace AslSweep.Contracts.State;

/// <summary>Persisted state of one trial inside <see cref="SweepCoordinatorState"/> (mutable).</summary>
[GenerateSerializer]
[Alias("aslsweep.TrialProgressState")]
public sealed class TrialProgressState
{
    /// <summary>1-based trial number.</summary>
    [Id(0)]
    public int TrialId { get; set; }

    /// <summary>The trial's hyperparameters.</summary>
    [Id(1)]
    public TrialConfig Config { get; set; } = new();

    /// <summary>The trial's state.</summary>
    [Id(2)]
    public TrialState State { get; set; }

    /// <summary>
    /// Every epoch reported, in order, each once. Held in memory and persisted in the trial's own record
    /// (<see cref="TrialCurveState"/>), not in the sweep's state, which is rewritten far more often.
    /// </summary>
    [field: NonSerialized]
    public List<EpochReport> Epochs { get; set; } = [];

    /// <summary>Where states saved before the curves moved out held the curve; read once at activation, then empty.</summary>
    [Id(3)]
    public List<EpochReport> SavedEpochs { get; set; } = [];

    /// <summary>Bumped in memory whenever the curve or the trial's scheduler results change: its record is written then.</summary>
    [field: NonSerialized]
    public int CurveVersion { get; set; }

    /// <summary>
    /// The attempt number of the current one (monotonic, so stale reports are recognised): attempts started, plus
    /// numbers skipped at a reactivation.
    /// </summary>
    [Id(4)]
    public int Attempts { get; set; }

    /// <summary>Attempts that threw (interruptions by a silo shutting down or dying do not count).</summary>
    [Id(5)]
    public int Failures { get; set; }

    /// <summary>The worker key running it; null when not running.</summary>
    [Id(6)]
    public string? Worker { get; set; }

    /// <summary>How the last attempt ended, for people.</summary>
    [Id(7)]
    public string? Message { get; set; }

    /// <summary>True for the notebook's configuration.</summary>
    [Id(8)]
    public bool IsBaseline { get; set; }
}
