using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Grains.Telemetry;
using AslSweep.Training.Data;
using AslSweep.Training.Trainer;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains.Workers;

/// <summary>One attempt on a worker: its cancellation, its report pump, and the mapping of how it ended.</summary>
public sealed class RunningAttempt(TrialAssignment assignment, ITrialReportsGrain coordinator, SweepMetrics metrics, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private volatile bool _interrupted;

    /// <summary>What runs.</summary>
    public TrialAssignment Assignment { get; } = assignment;

    /// <summary>Forwards epochs to the coordinator.</summary>
    public EpochReportPump Reporter { get; } = new(coordinator, assignment, metrics, logger);

    /// <summary>Stops at the next batch; reported as Cancelled.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>Stops at the next batch because the worker is going away; reported as Interrupted (requeued, resumed).</summary>
    public void Interrupt()
    {
        _interrupted = true;
        _cancel.Cancel();
    }

    /// <summary>Trains (blocking, on the calling thread) and says how it ended; never throws.</summary>
    public (TrialOutcome Outcome, string Message, ImmutableArray<EpochReport> Epochs) Train(ITrialTrainer trainer, string device)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        try
        {
            var result = trainer.Run(Assignment, device, Reporter, _cancel.Token);
            var epochs = result.Epochs.Select(EpochReportPump.ToReport).ToImmutableArray();
            return (OutcomeOf(result.Outcome, _interrupted), result.Message, epochs);
        }
        catch (CheckpointFencedException e)
        {
            // A newer attempt of this trial owns the checkpoint: this one stops without writing; its report is stale
            // to the coordinator, which has moved on to the newer attempt.
            logger.LogWarning("Sweep {SweepId} trial {TrialId}: {Message}", Assignment.SweepId, Assignment.TrialId, e.Message);
            return (TrialOutcome.Failed, e.Message, Reporter.Epochs);
        }
        catch (Exception e) when (e is DataFormatException or CheckpointException or ArgumentException or IOException or InvalidOperationException or ExternalException or OutOfMemoryException)
        {
            // A trial that throws must never take the worker or the silo down; the coordinator decides on a retry.
            logger.LogError(e, "Sweep {SweepId} trial {TrialId} attempt {Attempt} failed", Assignment.SweepId, Assignment.TrialId, Assignment.Attempt);
            return (TrialOutcome.Failed, e.Message, Reporter.Epochs);
        }
        catch (Exception e)
        {
            // Anything else is a defect somewhere below, but still this attempt's end: one that escaped left the worker
            // marked running for good. The exception itself (type, stack) goes to the worker's log, not the report.
            logger.LogError(e, "Sweep {SweepId} trial {TrialId} attempt {Attempt} failed unexpectedly", Assignment.SweepId, Assignment.TrialId, Assignment.Attempt);
            return (TrialOutcome.Failed, $"the trainer failed unexpectedly: {e.Message} (the worker's log has the details)", Reporter.Epochs);
        }
    }

    /// <summary>The outcome the coordinator hears for how training ended.</summary>
    public static TrialOutcome OutcomeOf(TrainingOutcome outcome, bool interrupted) => outcome switch
    {
        TrainingOutcome.Diverged => TrialOutcome.Diverged,

        // Not the configuration's fault: the attempt fails and is retried, possibly on a silo whose backend passed.
        TrainingOutcome.NumericsFault => TrialOutcome.Failed,
        TrainingOutcome.Cancelled => interrupted ? TrialOutcome.Interrupted : TrialOutcome.Cancelled,
        _ => TrialOutcome.Completed,
    };

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
