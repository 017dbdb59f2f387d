using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>What a worker is doing.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.WorkerStatus")]
public sealed record WorkerStatus
{
    /// <summary>The worker.</summary>
    [Id(0)]
    public WorkerInfo Worker { get; init; } = new();

    /// <summary>The silo the activation actually runs on.</summary>
    [Id(1)]
    public string ActivationSilo { get; init; } = "";

    /// <summary>Sweep of the running trial, or null when idle.</summary>
    [Id(2)]
    public string? SweepId { get; init; }

    /// <summary>The running trial, or 0.</summary>
    [Id(3)]
    public int TrialId { get; init; }

    /// <summary>Trials this activation has started.</summary>
    [Id(4)]
    public int TrialsStarted { get; init; }

    /// <summary>The running attempt's number, or 0.</summary>
    [Id(5)]
    public int Attempt { get; init; }

    /// <summary>Attempts that ended here and whose end is still being reported to their coordinator.</summary>
    [Id(6)]
    public ImmutableArray<AttemptKey> Reporting { get; init; } = [];

    /// <summary>
    /// Whether this worker holds <paramref name="attempt"/>: runs it, or is still reporting its end. A coordinator
    /// requeues a running trial whose worker does not (a worker restarted under the same name forgets its attempt).
    /// </summary>
    public bool Holds(AttemptKey attempt) =>
        attempt is not null
        && ((SweepId == attempt.SweepId && TrialId == attempt.TrialId && Attempt == attempt.Attempt) || Reporting.Contains(attempt));

    /// <summary>Value equality, the reporting attempts compared item by item.</summary>
    public bool Equals(WorkerStatus? other) => other is not null
        && Worker == other.Worker && ActivationSilo == other.ActivationSilo && SweepId == other.SweepId && TrialId == other.TrialId
        && TrialsStarted == other.TrialsStarted && Attempt == other.Attempt && Reporting.SequenceEqual(other.Reporting);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Worker, SweepId, TrialId, Attempt, Reporting.Length);
}
