using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Grains.Placement;
using AslSweep.Grains.Telemetry;
using AslSweep.Grains.Workers;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains;

/// <summary>
/// A worker bound to one device slot of its silo (<see cref="SiloNamePlacementAttribute"/>). Training runs on a
/// dedicated thread, off the Orleans scheduler, so status and cancel calls are answered meanwhile; a keep-alive
/// timer holds the activation while it trains.
/// </summary>
[SiloNamePlacement]
public sealed class TrainingWorkerGrain(ITrialTrainer trainer, SweepMetrics metrics, ILocalSiloDetails silo, ILogger<TrainingWorkerGrain> logger) : Grain, ITrainingWorkerGrain
{
    private readonly HashSet<AttemptKey> _reporting = [];
    private RunningAttempt? _running;
    private Task _finished = Task.CompletedTask;
    private IGrainTimer? _keepAlive;
    private int _started;

    private WorkerInfo Info => WorkerKey.Parse(this.GetPrimaryKeyString());

    public Task<bool> TryStart(TrialAssignment assignment)
    {
        if (_running is not null)
        {
            return Task.FromResult(_running.Assignment == assignment);
        }

        var attempt = new RunningAttempt(assignment, GrainFactory.GetGrain<ITrialReportsGrain>(assignment.SweepId), metrics, logger);
        metrics.Busy(Info, assignment.SweepId, +1);
        _running = attempt;
        _started++;
        _keepAlive ??= this.RegisterGrainTimer(() => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        _finished = RunAndReport(attempt);
        logger.LogInformation("Worker {Worker} starts sweep {SweepId} trial {TrialId} attempt {Attempt}", Info.WorkerId, assignment.SweepId, assignment.TrialId, assignment.Attempt);
        return Task.FromResult(true);
    }

    public Task<bool> Cancel(string sweepId, int trialId)
    {
        if (_running?.Assignment is { } a && a.SweepId == sweepId && a.TrialId == trialId)
        {
            _running.Cancel();
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public Task<ImmutableArray<EpochReport>> GetEpochs(AttemptKey attempt) =>
        Task.FromResult(_running?.Assignment is { } a && a.SweepId == attempt.SweepId && a.TrialId == attempt.TrialId && a.Attempt == attempt.Attempt
            ? _running.Reporter.Epochs
            : []);

    public Task<WorkerStatus> GetStatus() => Task.FromResult(new WorkerStatus
    {
        Worker = Info,
        ActivationSilo = silo.Name,
        SweepId = _running?.Assignment.SweepId,
        TrialId = _running?.Assignment.TrialId ?? 0,
        Attempt = _running?.Assignment.Attempt ?? 0,
        Reporting = [.. _reporting],
        TrialsStarted = _started,
    });

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Silo shutting down: stop at the next batch; the trial is requeued and resumes from its last checkpoint.
        _running?.Interrupt();
        await _finished.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
    }

    private async Task RunAndReport(RunningAttempt attempt)
    {
        (TrialOutcome Outcome, string Message, ImmutableArray<EpochReport> Epochs) ended;
        var key = new AttemptKey { SweepId = attempt.Assignment.SweepId, TrialId = attempt.Assignment.TrialId, Attempt = attempt.Assignment.Attempt };
        try
        {
            ended = await Task.Factory.StartNew(
                () => attempt.Train(trainer, Info.Device), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await attempt.Reporter.Drain();
        }
        finally
        {
            // Free the worker before reporting, whatever happened: the coordinator dispatches the next trial while
            // handling the report. Until the report lands the worker still holds the attempt (the coordinator's
            // liveness check asks), so it is marked as reporting before it stops running.
            _reporting.Add(key);
            _running = null;
            metrics.Busy(Info, attempt.Assignment.SweepId, -1);
        }

        var (outcome, message, epochs) = ended;
        var coordinator = GrainFactory.GetGrain<ITrialReportsGrain>(attempt.Assignment.SweepId);
        for (int retry = 0; retry < 5; retry++)
        {
            try
            {
                await coordinator.ReportFinished(attempt.Assignment.TrialId, attempt.Assignment.Attempt, outcome, message, epochs);
                break;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.LogWarning(e, "Could not report the end of trial {TrialId} (try {Try})", attempt.Assignment.TrialId, retry + 1);
                await Task.Delay(TimeSpan.FromSeconds(1 << retry));
            }
        }

        // Delivered, or given up: a coordinator that never heard of the end finds the attempt held nowhere and requeues it.
        _reporting.Remove(key);
        attempt.Dispose();
        if (_running is null)
        {
            _keepAlive?.Dispose();
            _keepAlive = null;
        }
    }
}
