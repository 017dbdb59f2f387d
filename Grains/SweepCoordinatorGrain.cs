using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Grains.Coordination;
using AslSweep.Grains.Telemetry;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Bookkeeping;
using AslSweep.Sweeps.Specs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace AslSweep.Grains;

/// <summary>Coordinates one sweep; the bookkeeping is <see cref="SweepBook"/>, the dispatching is <see cref="TrialDispatcher"/>.</summary>
public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<SweepCoordinatorState> state,
    TimeProvider time,
    SweepMetrics metrics,
    IOptions<SweepCoordinatorOptions> options,
    IOptions<SweepLimitsOptions> limits,
    Workers.CheckpointStore checkpoints,
    ILocalSiloDetails siloDetails,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, ITrialReportsGrain, IRemindable
{
    private const string KeepAlive = "keep-alive";

    private readonly Dictionary<int, double> _progress = [];
    private bool _unsaved;
    private DateTimeOffset _livenessCheckedAt;
    private readonly HashSet<int> _stopsToSend = [];
    private bool _admissionReleased;
    private bool _claimed;
    private SweepBook? _book;
    private IGrainTimer? _timer;
    private CheckpointReleaser? _releaser;
    private CurveStore? _curves;

    // The one owner of the persisted state, made anew only when the state object is replaced (read or reset).
    private SweepBook Book => _book is not null && ReferenceEquals(_book.State, state.State) ? _book : _book = new SweepBook(state.State);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Curves.Load(state.State);
        if (state.State.State == SweepState.Running)
        {
            // What the lost activation did without saving is brought back, and saved, before anything is dispatched.
            int running = Book.Running.Count();
            var (changed, stops) = await Dispatcher.Reconcile(Book);
            foreach (var stop in stops)
            {
                Stopped(stop);
            }

            if (changed)
            {
                await Save(cancellationToken);
            }

            logger.LogInformation("Sweep {SweepId} coordinator resumed on silo {Silo}: {Running} trials were running, {Still} still are", state.State.SweepId, siloDetails.Name, running, Book.Running.Count());

            // A stop saved just before the last activation ended may never have reached its worker: tell them again.
            _stopsToSend.UnionWith(state.State.Trials.Where(t => t.State == TrialState.Stopped && t.Worker is not null).Select(t => t.TrialId));
            await SendStops();

            StartTimer();
        }
        else if (state.State.Spec is not null)
        {
            // Ended, but perhaps with trials still Running (a silo died right after Cancel) or its admission slot not
            // yet given back: the timer watches those and stops itself once there is nothing left.
            StartTimer();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await Save(cancellationToken);
        }
    }

    public async Task<SweepStatus> Start(SweepSpec spec)
    {
        if (state.State.Spec is not null)
        {
            return state.State.Spec == spec ? Book.ToStatus(_progress) : throw new SweepRefusedException(SweepRefusal.IdTaken, $"sweep refused: {this.GetPrimaryKeyString()} already exists with another spec; choose another id or submit the same spec", []);
        }

        var (problems, trials) = SweepAdmission.Admit(this.GetPrimaryKeyString(), spec, limits.Value);
        if (problems.Count > 0)
        {
            throw new SweepRefusedException(SweepRefusal.InvalidSpec, "invalid sweep spec", problems);
        }

        var index = GrainFactory.GetGrain<ISweepIndexGrain>(0);
        if (!await index.TryStartRunning(this.GetPrimaryKeyString(), limits.Value.MaxConcurrentSweeps))
        {
            throw new SweepRefusedException(SweepRefusal.ClusterBusy, $"sweep refused: the cluster already runs {limits.Value.MaxConcurrentSweeps} sweeps (AslSweep:Limits:MaxConcurrentSweeps); wait for one to end or cancel one", []);
        }

        SweepBook.Start(state.State, this.GetPrimaryKeyString(), spec, trials, time.GetUtcNow());
        try
        {
            // A new sweep under an id used before (its state lost with an in-memory store, its checkpoint root
            // kept) must not resume, nor be fenced out by, what that earlier sweep left there.
            checkpoints.DeleteSweep(state.State.SweepId);
            await Save();
        }
        catch
        {
            // Not started after all: forget it here and give its place back, so that a retry starts afresh.
            state.State = new SweepCoordinatorState();
            await index.Finished(this.GetPrimaryKeyString());
            throw;
        }

        // A durable reminder brings the coordinator back if its silo dies while nothing else calls it.
        await this.RegisterOrUpdateReminder(KeepAlive, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
        await index.Add(new SweepSummary { SweepId = state.State.SweepId, Name = spec.Name, CreatedAt = state.State.CreatedAt });
        logger.LogInformation("Sweep {SweepId} '{Name}' started with {Trials} trials", state.State.SweepId, spec.Name, state.State.Trials.Count);
        StartTimer();
        await Tick();
        return Book.ToStatus(_progress);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already reconciled and restarted the timer; a reminder of a finished sweep removes itself.
        if (state.State.State != SweepState.Running)
        {
            await StopReminder();
        }
    }

    public Task<SweepStatus> GetStatus() => Task.FromResult(Book.ToStatus(_progress));

    public Task<SweepStatus> GetSummary() => Task.FromResult(Book.ToStatus(_progress, summary: true));

    public Task<SweepReport> GetReport() => Task.FromResult(SweepReportBuilder.Build(Book.ToStatus()));

    public async Task<SweepStatus> Cancel()
    {
        var running = Book.Cancel(time.GetUtcNow());
        // Marked first: a write that fails here is retried by the next tick, which then tells the workers.
        _unsaved = true;
        _stopsToSend.UnionWith(running.Select(t => t.TrialId));
        await Save();
        _unsaved = false;
        await SendStops();
        try
        {
            await ReleaseAdmission();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The cancel is saved and told; the index (on a silo just lost, perhaps) is told by a later tick.
            logger.LogWarning(e, "Sweep {SweepId}: the sweep index could not be told of the cancel yet; retried every second", state.State.SweepId);
        }

        logger.LogInformation("Sweep {SweepId} cancelled; {Running} running trials told to stop", state.State.SweepId, running.Count);
        return Book.ToStatus(_progress);
    }

    public async Task ReportEpochs(int trialId, int attempt, ImmutableArray<EpochReport> epochs)
    {
        // Persisted by the next tick (within a second): a lost epoch report is not lost work, since the worker's
        // checkpoint holds the whole curve, its next report carries the epoch again and its final report all of them.
        if (Book.RecordEpochs(trialId, attempt, epochs, out var stops))
        {
            _progress.Remove(trialId);
            _unsaved = true;
            if (stops.Count > 0)
            {
                // Saved before the workers are told: a stop acted on, then lost with the coordinator, let the trial
                // run on to Completed. Should the write fail, the next tick saves and then tells the workers.
                foreach (var stop in stops)
                {
                    Stopped(stop);
                }

                await Save();
                _unsaved = false;
                await SendStops();
            }
        }
    }

    public Task ReportProgress(int trialId, int attempt, double epochProgress)
    {
        if (Book.Trial(trialId) is { State: TrialState.Running } trial && trial.Attempts == attempt)
        {
            _progress[trialId] = epochProgress;
        }

        return Task.CompletedTask;
    }

    public async Task ReportFinished(int trialId, int attempt, TrialOutcome outcome, string message, ImmutableArray<EpochReport> epochs)
    {
        if (Book.Finish(trialId, attempt, outcome, message, epochs, out var stops))
        {
            _unsaved = true;
            // Its epochs may have completed a rung of its configuration: stopped replicates are told after the tick's save.
            foreach (var stop in stops.Where(s => s.TrialId != trialId))
            {
                Stopped(stop);
            }

            var trial = Book.Trial(trialId)!;
            if (SweepBook.IsFinal(trial.State))
            {
                metrics.Finished(state.State.SweepId, trial.State);
            }
            else if (outcome == TrialOutcome.Failed)
            {
                metrics.Retry(state.State.SweepId);
            }

            _progress.Remove(trialId);
            logger.LogInformation("Sweep {SweepId} trial {TrialId} attempt {Attempt}: {Outcome} ({Message})", state.State.SweepId, trialId, attempt, outcome, message);
            await Tick();
        }
    }

    private TrialDispatcher Dispatcher => new(GrainFactory, logger);

    private CurveStore Curves => _curves ??= new CurveStore(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps), this.GetGrainId());

    // The curves that changed first, then the sweep's state: the state never names an epoch its curve lacks.
    private async Task Save(CancellationToken cancellationToken = default)
    {
        await Curves.Save(state.State);
        await state.WriteStateAsync(cancellationToken);
    }

    // A scheduler's stop, applied by the book: counted, logged and queued for its worker once saved.
    private void Stopped(SchedulingDecision stop)
    {
        metrics.Finished(state.State.SweepId, TrialState.Stopped);
        logger.LogInformation("Sweep {SweepId} trial {TrialId} stopped after epoch {Epoch}: {Reason}", state.State.SweepId, stop.TrialId, stop.Epoch, stop.Reason);
        _stopsToSend.Add(stop.TrialId);
    }

    private async Task ReleaseAdmission()
    {
        await GrainFactory.GetGrain<ISweepIndexGrain>(0).Finished(state.State.SweepId);
        _admissionReleased = true;
    }

    // Tells the workers of trials stopped by the scheduler (and saved as stopped) to stop; a worker no longer running
    // the trial says no, which is fine.
    private async Task SendStops()
    {
        var stopped = _stopsToSend.Select(Book.Trial).OfType<TrialProgressState>()
            .Where(t => t.State == TrialState.Stopped || (t.State == TrialState.Running && state.State.State == SweepState.Cancelled)).ToList();
        _stopsToSend.Clear();
        if (stopped.Count > 0)
        {
            await Dispatcher.CancelRunning(stopped, state.State.SweepId);
        }
    }

    private CheckpointReleaser Releaser => _releaser ??= new CheckpointReleaser(checkpoints, logger);

    private void RecordBestStable()
    {
        int k = Book.Spec.Metric.LastK;
        var metric = RankingMetric.For(Book.Spec.Metric);
        var stable = state.State.Trials.Select(t => metric.Statistics(t.Epochs, k)).OfType<CurveStatistics>().Select(metric.Stable).Where(double.IsFinite).ToList();
        double best = stable.Count == 0 ? double.NaN : stable.MaxBy(metric.Score);
        if (double.IsFinite(best))
        {
            metrics.BestStable(state.State.SweepId, best);
        }
    }

    private async Task StopReminder()
    {
        if (await this.GetReminder(KeepAlive) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartTimer()
    {
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
    }

    private async Task Tick()
    {
        bool changed = false;
        bool dispatching = state.State.State == SweepState.Running && Book.Pending.Any();
        if (dispatching || Book.Running.Any())
        {
            // Running trials are watched in a cancelled sweep too: one whose worker is gone, or no longer holds its
            // attempt, ends (cancelled) instead of staying Running for good.
            var workers = await Dispatcher.LiveWorkers();
            changed = await Dispatcher.DropLostWorkers(Book, workers);
            if (Book.Running.Any() && time.GetUtcNow() - _livenessCheckedAt >= options.Value.LivenessPeriod)
            {
                _livenessCheckedAt = time.GetUtcNow();
                changed |= await Dispatcher.CheckLiveness(Book, unansweredIsLost: false, "when the coordinator checked");
            }

            if (state.State.State == SweepState.Running)
            {
                int allowed = await Dispatcher.Share(Book, workers);
                _claimed = true;
                changed |= await Dispatcher.Dispatch(Book, workers, allowed);
            }
        }

        if (Book.CompleteIfDone(time.GetUtcNow()))
        {
            changed = true;
            logger.LogInformation("Sweep {SweepId} completed", state.State.SweepId);
        }

        if (_claimed && state.State.State != SweepState.Running)
        {
            // Ended or cancelled: its share goes to the other sweeps now, not when the claim lapses (Share claims
            // nothing for a sweep that is not running).
            await Dispatcher.Share(Book, []);
            _claimed = false;
        }

        // Marked before the calls below, which may throw: what changed is saved by this tick or the next.
        _unsaved |= changed;

        // Retried every tick until the index has it: a sweep that ended keeps its admission slot otherwise, and after
        // MaxConcurrentSweeps such leaks no sweep is admitted again.
        if (state.State.State != SweepState.Running && !_admissionReleased)
        {
            await ReleaseAdmission();
        }

        changed |= Releaser.Release(Book);

        // Marked before writing, cleared after: a write that fails (storage briefly unreachable) is retried next tick.
        _unsaved |= changed;
        if (_unsaved)
        {
            RecordBestStable();
            await Save();
            _unsaved = false;
        }

        if (!_unsaved)
        {
            await SendStops();
        }

        if (state.State.State != SweepState.Running && !Book.Running.Any() && !_unsaved && _admissionReleased)
        {
            // Nothing left to drive: let the activation be collected when idle.
            _timer?.Dispose();
            _timer = null;
            await StopReminder();
        }
    }
}
