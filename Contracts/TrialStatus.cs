using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// A trial as the coordinator knows it: its configuration, state and full validation curve (or, in a summary, the
/// latest epoch with the curve's length and best value).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.TrialStatus")]
public sealed record TrialStatus
{
    /// <summary>1-based trial number within the sweep.</summary>
    [Id(0)]
    public int TrialId { get; init; }

    /// <summary>The hyperparameters.</summary>
    [Id(1)]
    public TrialConfig Config { get; init; } = new();

    /// <summary>Current state.</summary>
    [Id(2)]
    public TrialState State { get; init; }

    /// <summary>Every completed epoch, epoch 1 first, each exactly once.</summary>
    [Id(3)]
    public ImmutableArray<EpochReport> Epochs { get; init; } = [];

    /// <summary>
    /// The current attempt's number: attempts started so far (retries included), plus any number a reactivated
    /// coordinator skipped because its lost predecessor may have used it.
    /// </summary>
    [Id(4)]
    public int Attempts { get; init; }

    /// <summary>The worker running it, or that ran it last.</summary>
    [Id(5)]
    public string? Worker { get; init; }

    /// <summary>Why it ended (or why the last attempt failed).</summary>
    [Id(6)]
    public string? Message { get; init; }

    /// <summary>True for the notebook's configuration.</summary>
    [Id(7)]
    public bool IsBaseline { get; init; }

    /// <summary>Latest progress within the running epoch, 0..1.</summary>
    [Id(8)]
    public double EpochProgress { get; init; }

    /// <summary>Epochs completed; in a summary, where <see cref="Epochs"/> holds only the latest, it counts them all.</summary>
    [Id(9)]
    public int EpochsDone { get; init; }

    /// <summary>The curve's best val_accuracy (in a summary too); NaN before the first epoch.</summary>
    [Id(10)]
    public double BestValAccuracy { get; init; } = double.NaN;
}
