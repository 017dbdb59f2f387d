using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains.Coordination;

/// <summary>Hands pending trials to idle workers and notices workers that are gone.</summary>
public sealed class TrialDispatcher(IGrainFactory grains, ILogger logger)
{
    // A worker call that takes longer holds the coordinator's tick: its silo is likely gone (TryStart and Cancel
    // only record state on the worker, so an answer takes milliseconds).
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(10);

    /// <summary>The live workers, read once per coordinator tick and shared by its steps.</summary>
    public async Task<IReadOnlyList<WorkerInfo>> LiveWorkers() => await grains.GetGrain<IWorkerRegistryGrain>(0).GetWorkers();

    /// <summary>
    /// How many trials <paramref name="book"/>'s sweep may run at once: its max_concurrent, within its fair share of
    /// the <paramref name="workers"/> among the running sweeps (claimed here, every tick). When the share cannot be
    /// asked, the sweep goes on up to max_concurrent: fairness waits, progress does not.
    /// </summary>
    public async Task<int> Share(SweepBook book, IReadOnlyList<WorkerInfo> workers)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(workers);
        int demand = book.State.State == SweepState.Running ? Math.Min(book.Spec.MaxConcurrent, book.Running.Count() + book.Pending.Count()) : 0;
        try
        {
            int share = await grains.GetGrain<IWorkerShareGrain>(0).Claim(book.SweepId, demand, workers.Count).WaitAsync(CallLimit);
            return Math.Min(book.Spec.MaxConcurrent, share);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logger.LogWarning(e, "Sweep {SweepId}: the worker share could not be asked; dispatching up to max_concurrent", book.SweepId);
            return book.Spec.MaxConcurrent;
        }
    }

    /// <summary>
    /// Starts pending trials on free <paramref name="workers"/>, up to <paramref name="allowed"/> running at once;
    /// true when anything changed. Workers this sweep used least go first, so its trials spread over the cluster.
    /// </summary>
    public async Task<bool> Dispatch(SweepBook book, IReadOnlyList<WorkerInfo> workers, int allowed)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(workers);
        var running = book.Running.Select(t => t.Worker).ToHashSet();
        var used = book.State.Trials.Where(t => t.Worker is not null).GroupBy(t => t.Worker!).ToDictionary(g => g.Key, g => g.Count());
        var free = new Queue<WorkerInfo>(workers.Where(w => !running.Contains(w.WorkerId)).OrderBy(w => used.GetValueOrDefault(w.WorkerId)));
        int slots = allowed - running.Count;
        bool changed = false;
        foreach (var trial in book.Pending.ToList())
        {
            if (slots <= 0 || free.Count == 0)
            {
                break;
            }

            // A worker busy with another sweep says no; try the next one.
            while (free.TryDequeue(out var worker))
            {
                var assignment = book.Assign(trial, worker.WorkerId);
                bool? started = await TryStart(worker, assignment);
                if (started == true)
                {
                    changed = true;
                    slots--;
                    break;
                }

                // A refusal means the attempt never began and leaves the trial as it was (nothing to save); after an
                // error it may have begun, so its number stays used, and that is saved.
                book.Unassign(trial, attemptNeverBegan: started == false);
                changed |= started is null;
            }
        }

        return changed;
    }

    /// <summary>
    /// Requeues running trials whose worker is not among <paramref name="workers"/> (its silo stopped or died); true
    /// when any was. The registry may forget a live silo for a while (its own silo died, or it was deactivated), so
    /// a worker is asked first: one that still holds the attempt keeps it, instead of training on, abandoned, while
    /// the trial starts again elsewhere.
    /// </summary>
    public async Task<bool> DropLostWorkers(SweepBook book, IReadOnlyList<WorkerInfo> workers)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(workers);
        var live = workers.Select(w => w.WorkerId).ToHashSet();
        bool changed = false;
        var missing = book.Running.Where(t => t.Worker is null || !live.Contains(t.Worker)).ToList();
        var answers = await Task.WhenAll(missing.Select(t => Holds(book, t)));
        foreach (var (trial, holds) in missing.Zip(answers))
        {
            if (holds == true)
            {
                logger.LogInformation("Sweep {SweepId} trial {TrialId}: worker {Worker} is not registered but still runs attempt {Attempt}; kept", book.SweepId, trial.TrialId, trial.Worker, trial.Attempts);
                continue;
            }

            logger.LogWarning("Sweep {SweepId} trial {TrialId}: worker {Worker} is gone; requeued", book.SweepId, trial.TrialId, trial.Worker);
            book.Requeue(trial, $"worker {trial.Worker} left the cluster during attempt {trial.Attempts}; resuming from the last checkpoint");
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Asks each running trial's worker whether it holds the trial's current attempt (runs it, or is reporting its
    /// end); requeues those whose worker does not, or, in a cancelled sweep, cancels them. A worker that does not
    /// answer within 5 s counts as not holding it when <paramref name="unansweredIsLost"/> (at reactivation);
    /// otherwise it is asked again next time (a dead silo's workers leave the registry and are dropped then).
    /// </summary>
    public async Task<bool> CheckLiveness(SweepBook book, bool unansweredIsLost, string when)
    {
        ArgumentNullException.ThrowIfNull(book);
        bool changed = false;
        var running = book.Running.ToList();
        var answers = await Task.WhenAll(running.Select(t => Holds(book, t)));
        foreach (var (trial, holds) in running.Zip(answers))
        {
            if (holds == false || (holds is null && unansweredIsLost))
            {
                logger.LogWarning("Sweep {SweepId} trial {TrialId}: attempt {Attempt} is not held by worker {Worker} {When}; requeued", book.SweepId, trial.TrialId, trial.Attempts, trial.Worker, when);
                book.Requeue(trial, $"attempt {trial.Attempts} was not running on {trial.Worker} {when}; resuming from the last checkpoint");
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Brings a reactivated coordinator's book in line with what the lost activation may have done without saving:
    /// stops whose decision was lost are applied, running trials no worker holds are requeued, epochs the workers
    /// trained are read back (and scheduled), and attempt numbers that may have been given away are skipped.
    /// Returns whether the book changed (it must be saved before anything is dispatched) and the stops to send.
    /// </summary>
    public async Task<(bool Changed, IReadOnlyList<SchedulingDecision> Stops)> Reconcile(SweepBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var lost = book.ApplyLostStops();
        bool requeued = await CheckLiveness(book, unansweredIsLost: true, "after the coordinator reactivated");
        var (recovered, stops) = await RecoverEpochs(book);
        bool skipped = book.SkipUnsavedAttempts();
        return (lost.Count > 0 || requeued || recovered || skipped, [.. lost, .. stops]);
    }

    /// <summary>
    /// Reads back from each running trial's worker the epochs of its current attempt and records those the book
    /// lacks (a coordinator that was lost had acknowledged them without saving): its scheduler then sees every
    /// epoch again and decides as before. Returns whether anything was recorded, and the stops decided.
    /// </summary>
    public async Task<(bool Changed, IReadOnlyList<SchedulingDecision> Stops)> RecoverEpochs(SweepBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var running = book.Running.Where(t => t.Worker is not null).ToList();
        var answers = await Task.WhenAll(running.Select(async t =>
        {
            try
            {
                var key = new AttemptKey { SweepId = book.SweepId, TrialId = t.TrialId, Attempt = t.Attempts };
                return await grains.GetGrain<ITrainingWorkerGrain>(t.Worker!).GetEpochs(key).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.LogWarning(e, "Worker {Worker} did not give back the epochs of trial {TrialId}", t.Worker, t.TrialId);
                return [];
            }
        }));
        bool changed = false;
        var stops = new List<SchedulingDecision>();
        foreach (var (trial, epochs) in running.Zip(answers))
        {
            changed |= book.RecordEpochs(trial.TrialId, trial.Attempts, epochs, out var stopped);
            stops.AddRange(stopped);
        }

        return (changed, stops);
    }

    /// <summary>Tells the workers of <paramref name="running"/> trials to stop.</summary>
    public async Task CancelRunning(IEnumerable<TrialProgressState> running, string sweepId)
    {
        ArgumentNullException.ThrowIfNull(running);
        foreach (var trial in running.Where(t => t.Worker is not null))
        {
            try
            {
                await grains.GetGrain<ITrainingWorkerGrain>(trial.Worker!).Cancel(sweepId, trial.TrialId).WaitAsync(CallLimit);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.LogWarning(e, "Could not cancel trial {TrialId} on {Worker}", trial.TrialId, trial.Worker);
            }
        }
    }

    // Whether the trial's worker holds its current attempt; null when it did not answer within 5 s (bounded: a
    // worker on a silo that died but is not yet declared dead would hold the caller for the full response timeout).
    private async Task<bool?> Holds(SweepBook book, TrialProgressState trial)
    {
        if (trial.Worker is null)
        {
            return false;
        }

        try
        {
            var status = await grains.GetGrain<ITrainingWorkerGrain>(trial.Worker).GetStatus().WaitAsync(TimeSpan.FromSeconds(5));
            return status.Holds(new AttemptKey { SweepId = book.SweepId, TrialId = trial.TrialId, Attempt = trial.Attempts });
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logger.LogWarning(e, "Worker {Worker} did not answer", trial.Worker);
            return null;
        }
    }

    private async Task<bool?> TryStart(WorkerInfo worker, TrialAssignment assignment)
    {
        try
        {
            return await grains.GetGrain<ITrainingWorkerGrain>(worker.WorkerId).TryStart(assignment).WaitAsync(CallLimit);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logger.LogWarning(e, "Worker {Worker} could not start trial {TrialId}", worker.WorkerId, assignment.TrialId);
            return null;
        }
    }
}
