using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Search;

namespace AslSweep.Sweeps.Bookkeeping;

/// <summary>
/// The bookkeeping of one sweep and the one owner of its persisted state: which trials are pending, which run
/// where, what an epoch or a finished attempt changes (with the scheduler's decisions), when to retry, which
/// checkpoints are released. Everything else reads the state through it and changes it only by asking it. No
/// Orleans here: the coordinator grain only calls it.
/// </summary>
public sealed class SweepBook(SweepCoordinatorState state)
{
    private readonly HashSet<int> _runningAtReactivation = [];
    private SweepScheduling? _scheduling;

    /// <summary>The state this book owns: read it, change it only through the book's methods.</summary>
    public SweepCoordinatorState State { get; } = state;

    /// <summary>The sweep id.</summary>
    public string SweepId => State.SweepId;

    /// <summary>The spec (set once the sweep started).</summary>
    public SweepSpec Spec => State.Spec ?? throw new InvalidOperationException("the sweep has not started");

    /// <summary>Trials waiting for a worker, in order.</summary>
    public IEnumerable<TrialProgressState> Pending => State.Trials.Where(t => t.State == TrialState.Pending);

    /// <summary>Trials on a worker.</summary>
    public IEnumerable<TrialProgressState> Running => State.Trials.Where(t => t.State == TrialState.Running);

    /// <summary>Fills a fresh state from a valid spec, planning its trials (replays and tests; the coordinator passes the admission's plan).</summary>
    public static SweepBook Start(SweepCoordinatorState state, string sweepId, SweepSpec spec, DateTimeOffset now) =>
        Start(state, sweepId, spec, TrialPlanner.Plan(spec), now);

    /// <summary>Fills a fresh state from an admitted spec and its planned trials.</summary>
    public static SweepBook Start(SweepCoordinatorState state, string sweepId, SweepSpec spec, IReadOnlyList<PlannedTrial> trials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.SweepId = sweepId;
        state.Spec = spec;
        state.State = SweepState.Running;
        state.CreatedAt = now;
        ArgumentNullException.ThrowIfNull(trials);
        state.Trials = trials
            .Select(t => new TrialProgressState { TrialId = t.TrialId, Config = t.Config, IsBaseline = t.IsBaseline, State = TrialState.Pending })
            .ToList();
        return new SweepBook(state);
    }

    /// <summary>True for a state a trial never leaves.</summary>
    public static bool IsFinal(TrialState state) => state is TrialState.Completed or TrialState.Failed or TrialState.Diverged or TrialState.Stopped or TrialState.Cancelled;

    /// <summary>The trial with that id, or null.</summary>
    public TrialProgressState? Trial(int trialId) => State.Trials.Find(t => t.TrialId == trialId);

    /// <summary>Marks a trial as started on a worker and returns the attempt's assignment.</summary>
    public TrialAssignment Assign(TrialProgressState trial, string worker)
    {
        ArgumentNullException.ThrowIfNull(trial);
        trial.Attempts++;
        trial.State = TrialState.Running;
        trial.Worker = worker;
        return new TrialAssignment { SweepId = State.SweepId, TrialId = trial.TrialId, Attempt = trial.Attempts, Config = trial.Config, Data = Spec.Data };
    }

    /// <summary>
    /// After a reactivation: the lost activation may have handed each waiting trial's next attempt number to a worker
    /// and died before saving it, so that number is skipped; the orphan run is then a superseded attempt, fenced out
    /// of the checkpoint and ignored when it reports. True when any number was skipped (the state must be saved
    /// before any dispatch).
    /// </summary>
    /// <remarks>
    /// A trial still running here may have ended in the lost activation, which then gave its next number away: that
    /// number is skipped when the trial waits again (its attempt ends or its worker is lost).
    /// </remarks>
    public bool SkipUnsavedAttempts()
    {
        var waiting = Pending.ToList();
        foreach (var trial in waiting)
        {
            trial.Attempts++;
        }

        _runningAtReactivation.UnionWith(Running.Select(t => t.TrialId));
        return waiting.Count > 0;
    }

    /// <summary>
    /// After a reactivation: applies the stops whose results were saved (with the curves, written first) but whose
    /// decision was lost with the state written after them; the replayed scheduler gives them again. Returns them:
    /// a trial still running must be told.
    /// </summary>
    public IReadOnlyList<SchedulingDecision> ApplyLostStops()
    {
        var lost = new List<SchedulingDecision>();
        foreach (var (trialId, stop) in Scheduling.ReplayedStops.OrderBy(s => s.Key))
        {
            // A replayed stop of a trial that is not final was never applied: live, every stop of a running,
            // non-baseline trial ends it at once.
            if (Trial(trialId) is { IsBaseline: false } trial && !IsFinal(trial.State))
            {
                _runningAtReactivation.Remove(trialId);
                Stop(trial, stop);
                State.Decisions.Add(stop);
                lost.Add(stop);
            }
        }

        return lost;
    }

    /// <summary>The worker refused or could not be reached: the trial waits again.</summary>
    public void Unassign(TrialProgressState trial, bool attemptNeverBegan)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (attemptNeverBegan)
        {
            trial.Attempts--;
        }

        trial.State = TrialState.Pending;
        trial.Worker = null;
    }

    /// <summary>
    /// Records an epoch of the current attempt and gives it to the scheduler; false when stale or already known.
    /// The trials the scheduler stops (this one, or with replicates every running replicate of its configuration)
    /// are stopped here and <paramref name="stops"/> lists them: their workers must be told.
    /// </summary>
    public bool RecordEpoch(int trialId, int attempt, EpochReport epoch, out IReadOnlyList<SchedulingDecision> stops) =>
        RecordEpochs(trialId, attempt, [epoch], out stops);

    /// <summary>
    /// Records epochs of the current attempt (those already known count once) and gives the new ones to the
    /// scheduler in order; false when stale or nothing is new. Stops are applied here and returned in
    /// <paramref name="stops"/>: the workers must be told, once the state holding the decisions is saved.
    /// </summary>
    public bool RecordEpochs(int trialId, int attempt, IReadOnlyList<EpochReport> epochs, out IReadOnlyList<SchedulingDecision> stops)
    {
        stops = [];
        var trial = Trial(trialId);
        if (trial is null || trial.Attempts != attempt || trial.State != TrialState.Running || !Merge(trial, epochs))
        {
            return false;
        }

        stops = Schedule(trial);
        return true;
    }

    /// <summary>Applies how an attempt ended; false when the report is stale.</summary>
    public bool Finish(int trialId, int attempt, TrialOutcome outcome, string message, IReadOnlyList<EpochReport> epochs) =>
        Finish(trialId, attempt, outcome, message, epochs, out _);

    /// <summary>
    /// Applies how an attempt ended; false when the report is stale. Its epochs may complete a rung of its
    /// configuration: <paramref name="stops"/> lists the trials stopped (other running replicates, or this trial when
    /// it is retried), whose workers must be told.
    /// </summary>
    public bool Finish(int trialId, int attempt, TrialOutcome outcome, string message, IReadOnlyList<EpochReport> epochs, out IReadOnlyList<SchedulingDecision> stops)
    {
        stops = [];
        var trial = Trial(trialId);
        if (trial is null || trial.Attempts != attempt || trial.State != TrialState.Running)
        {
            return false;
        }

        Merge(trial, epochs);
        bool retried = outcome is TrialOutcome.Interrupted
            || (outcome == TrialOutcome.Cancelled && State.State != SweepState.Cancelled)
            || (outcome is not (TrialOutcome.Completed or TrialOutcome.Diverged or TrialOutcome.Cancelled) && trial.Failures + 1 < Spec.MaxFailures);
        if (retried)
        {
            // Scheduled while the trial still runs: a stop decided on epochs only this final report carried ends the
            // trial here; scheduled after the retry was queued, the decision was dropped and the rung never seen again.
            stops = Schedule(trial);
            if (trial.State == TrialState.Stopped)
            {
                return true;
            }
        }

        trial.Message = message;
        trial.State = outcome switch
        {
            TrialOutcome.Completed => TrialState.Completed,
            TrialOutcome.Diverged => TrialState.Diverged,
            TrialOutcome.Cancelled => State.State == SweepState.Cancelled ? TrialState.Cancelled : TrialState.Pending,
            TrialOutcome.Interrupted => TrialState.Pending,
            _ => ++trial.Failures >= Spec.MaxFailures ? TrialState.Failed : TrialState.Pending,
        };
        if (outcome == TrialOutcome.Failed && trial.State == TrialState.Pending)
        {
            trial.Message = $"attempt {attempt} failed ({message}); retrying from the last checkpoint";
        }

        SkipIfNumberMayBeGiven(trial);

        // Epochs only the final report of a trial that ended carried still count in the scheduler's rungs; it no
        // longer runs, so only other replicates of its configuration can be stopped (already scheduled above when it
        // is retried).
        if (!retried)
        {
            stops = Schedule(trial);
        }

        return true;
    }

    /// <summary>The worker of a running trial is gone: the trial waits again and will resume from its checkpoint.</summary>
    public void Requeue(TrialProgressState trial, string reason)
    {
        ArgumentNullException.ThrowIfNull(trial);
        // In a cancelled sweep nothing is requeued: the trial ends with the sweep.
        trial.State = State.State == SweepState.Cancelled ? TrialState.Cancelled : TrialState.Pending;
        trial.Message = State.State == SweepState.Cancelled ? $"cancelled with the sweep ({reason.Split(';')[0]})" : reason;
        trial.Worker = null;
        SkipIfNumberMayBeGiven(trial);
    }

    /// <summary>Records that the checkpoints of <paramref name="trialIds"/> were deleted under keep_checkpoints.</summary>
    public void MarkReleased(IEnumerable<int> trialIds)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        State.ReleasedCheckpoints.AddRange(trialIds.Where(id => !State.ReleasedCheckpoints.Contains(id)));
    }

    /// <summary>
    /// Stops a running trial on a scheduler's decision (<see cref="RecordEpoch"/> does it for the sweep's own
    /// scheduler): final, its curve kept up to the decision's epoch; its worker must be told.
    /// </summary>
    public void Stop(TrialProgressState trial, SchedulingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(decision);
        trial.State = TrialState.Stopped;
        trial.Message = $"stopped early after epoch {decision.Epoch}: {decision.Reason}";
        // Epochs the worker finished after the decision are not part of the stopped curve.
        if (trial.Epochs.RemoveAll(e => e.Epoch > decision.Epoch) > 0)
        {
            trial.CurveVersion++;
        }
    }

    /// <summary>Cancels the sweep: pending trials end now; returns the running ones, whose workers must be told.</summary>
    public IReadOnlyList<TrialProgressState> Cancel(DateTimeOffset now)
    {
        var running = Running.ToList();
        if (State.State != SweepState.Running)
        {
            return running;
        }

        State.State = SweepState.Cancelled;
        State.FinishedAt = now;
        foreach (var trial in Pending.ToList())
        {
            trial.State = TrialState.Cancelled;
            trial.Message = "cancelled with the sweep before it started";
        }

        return running;
    }

    /// <summary>Marks the sweep completed when every trial is final; true when that happened now.</summary>
    public bool CompleteIfDone(DateTimeOffset now)
    {
        if (State.State != SweepState.Running || !State.Trials.TrueForAll(t => IsFinal(t.State)))
        {
            return false;
        }

        State.State = SweepState.Completed;
        State.FinishedAt = now;
        return true;
    }

    /// <summary>The wire view of the sweep.</summary>
    public SweepStatus ToStatus(IReadOnlyDictionary<int, double>? progress = null, bool summary = false) => new()
    {
        SweepId = State.SweepId,
        Name = State.Spec?.Name ?? "",
        State = State.State,
        CreatedAt = State.CreatedAt,
        FinishedAt = State.FinishedAt,
        Spec = State.Spec ?? new SweepSpec(),
        Trials = [.. State.Trials.Select(t => new TrialStatus
        {
            TrialId = t.TrialId,
            Config = t.Config,
            State = t.State,
            Epochs = summary ? [.. t.Epochs.TakeLast(1)] : [.. t.Epochs],
            EpochsDone = t.Epochs.Count,
            BestValAccuracy = t.Epochs.Count > 0 ? t.Epochs.Max(e => e.ValAccuracy) : double.NaN,
            Attempts = t.Attempts,
            Worker = t.Worker,
            Message = t.Message,
            IsBaseline = t.IsBaseline,
            EpochProgress = t.State == TrialState.Running && progress is not null ? progress.GetValueOrDefault(t.TrialId) : 0,
        })],
        Decisions = [.. State.Decisions],
    };

    private SweepScheduling Scheduling => _scheduling ??= new SweepScheduling(
        Spec,
        State.Trials.Select(t => t.Config.Epochs).DefaultIfEmpty(1).Max(),
        State.SchedulerResults,
        Replicates.Groups(State.Trials.Select(t => (t.TrialId, t.Config)), Spec.Replicates));

    // A trial running when this book was reactivated waits again: the lost activation may have given its next
    // attempt number away (see SkipUnsavedAttempts), so that number is used up.
    private void SkipIfNumberMayBeGiven(TrialProgressState trial)
    {
        if (trial.State == TrialState.Pending && _runningAtReactivation.Remove(trial.TrialId))
        {
            trial.Attempts++;
        }
    }

    // Feeds the trial's new epochs to the scheduler (rebuilt from the saved results on first use), keeps the results
    // and the decisions, in order (a reactivated coordinator replays them), and stops the trials it stopped.
    private IReadOnlyList<SchedulingDecision> Schedule(TrialProgressState trial)
    {
        var (fed, stops) = Scheduling.Observe(trial, Trial);
        foreach (var result in fed)
        {
            // After the last one, not at the count: a record lost in a partial save leaves a gap in the numbers.
            result.Sequence = State.SchedulerResults.Count == 0 ? 0 : State.SchedulerResults[^1].Sequence + 1;
            State.SchedulerResults.Add(result);
        }

        // The results are saved with the curve of the trial they are keyed by: with replicates the configuration's
        // first trial, whichever replicate's epoch completed the result.
        foreach (int keyed in fed.Select(r => r.TrialId).Distinct())
        {
            Trial(keyed)!.CurveVersion++;
        }

        if (State.State == SweepState.Cancelled)
        {
            // A cancelled sweep's trials end cancelled: a rung completed now stops no other replicate.
            stops = [.. stops.Where(s => s.TrialId == trial.TrialId)];
        }

        foreach (var stop in stops)
        {
            State.Decisions.Add(stop);
            Stop(Trial(stop.TrialId)!, stop);
        }

        return stops;
    }

    // Epochs are keyed by number: a resumed attempt re-reports checkpointed epochs, and each must appear once.
    private static bool Merge(TrialProgressState trial, IReadOnlyList<EpochReport> epochs)
    {
        bool changed = false;
        foreach (var epoch in epochs)
        {
            int index = trial.Epochs.FindIndex(e => e.Epoch == epoch.Epoch);
            if (index < 0)
            {
                trial.Epochs.Add(epoch);
                changed = true;
            }
            else if (trial.Epochs[index] != epoch)
            {
                trial.Epochs[index] = epoch;
                changed = true;
            }
        }

        if (changed)
        {
            trial.Epochs.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
            trial.CurveVersion++;
        }

        return changed;
    }
}
