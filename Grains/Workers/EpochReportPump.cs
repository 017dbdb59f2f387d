using System.Collections.Immutable;
using System.Threading.Channels;
using AslSweep.Contracts;
using AslSweep.Grains.Telemetry;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains.Workers;

/// <summary>
/// Receives the trainer's callbacks on the training thread and forwards them to the coordinator from a separate
/// task, in order, so training never waits on the network. Progress within an epoch is sent at most once a second.
/// </summary>
public sealed class EpochReportPump : ITrainingObserver
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITrialReportsGrain _coordinator;
    private readonly TrialAssignment _assignment;
    private readonly ILogger _logger;
    private readonly SweepMetrics _metrics;
    private readonly Task _pump;
    private readonly List<EpochReport> _unsent = [];
    private long _lastProgress;

    /// <summary>Starts the forwarding task.</summary>
    public EpochReportPump(ITrialReportsGrain coordinator, TrialAssignment assignment, SweepMetrics metrics, ILogger logger)
    {
        _coordinator = coordinator;
        _metrics = metrics;
        _assignment = assignment;
        _logger = logger;
        _pump = Task.Run(Forward);
    }

    /// <summary>Every epoch reported so far.</summary>
    public ImmutableArray<EpochReport> Epochs { get; private set; } = [];

    /// <inheritdoc />
    public void OnBatch(BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastProgress) >= 1000)
        {
            Interlocked.Exchange(ref _lastProgress, now);
            _queue.Writer.TryWrite((double)progress.Batch / progress.Batches);
        }
    }

    /// <inheritdoc />
    public void OnResumed(IReadOnlyList<EpochMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        // Sent again: the coordinator may not hold them (it saved its state before they arrived, then was lost),
        // and a gap in a curve holds its scheduler until the trial ends, when a stop can no longer be acted on.
        var reports = history.Select(ToReport).ToImmutableArray();
        Epochs = Epochs.AddRange(reports);
        _queue.Writer.TryWrite(reports);
    }

    /// <inheritdoc />
    public void OnEpoch(EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var report = ToReport(metrics);
        Epochs = Epochs.Add(report);
        _metrics.Epoch(_assignment, report);
        _queue.Writer.TryWrite(report);
    }

    /// <inheritdoc />
    public void OnCheckpoint(int epoch, TimeSpan duration) => _metrics.CheckpointWritten(duration);

    /// <summary>Waits until everything queued was sent (or failed to send).</summary>
    public Task Drain()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    /// <summary>The wire form of the trainer's epoch metrics.</summary>
    public static EpochReport ToReport(EpochMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new EpochReport
        {
            Epoch = m.Epoch,
            TrainLoss = m.TrainLoss,
            TrainAccuracy = m.TrainAccuracy,
            ValLoss = m.ValLoss,
            ValAccuracy = m.ValAccuracy,
            LearningRate = m.LearningRate,
            Seconds = m.Seconds,
            SamplesPerSecond = m.SamplesPerSecond,
            ValidationImages = m.ValidationImages,
            RecomputedValLoss = m.RecomputedValLoss,
            RecomputedValAccuracy = m.RecomputedValAccuracy,
        };
    }

    private async Task Forward()
    {
        await foreach (object item in _queue.Reader.ReadAllAsync())
        {
            try
            {
                if (item is EpochReport or ImmutableArray<EpochReport>)
                {
                    // Every epoch not yet acknowledged goes along: a report lost on the way is carried by the next.
                    _unsent.AddRange(item is EpochReport epoch ? [epoch] : (ImmutableArray<EpochReport>)item);
                    await _coordinator.ReportEpochs(_assignment.TrialId, _assignment.Attempt, [.. _unsent]);
                    _unsent.Clear();
                }
                else
                {
                    await _coordinator.ReportProgress(_assignment.TrialId, _assignment.Attempt, (double)item);
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // Kept for the next report; the final report carries the whole curve anyway.
                _logger.LogWarning(e, "Could not report to sweep {SweepId}", _assignment.SweepId);
            }
        }
    }
}
