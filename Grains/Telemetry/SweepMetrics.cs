using System.Diagnostics.Metrics;
using AslSweep.Contracts;
using AslSweep.Training.Devices;
using AslSweep.Training.Numerics;

namespace AslSweep.Grains.Telemetry;

/// <summary>
/// The project's one meter ("AslSweep"), recorded where the work happens: workers record epochs and busy time,
/// coordinators record trial outcomes and retries. Per-trial series carry the labels sweep and trial; their number
/// is bounded by the trials of the sweeps a silo has run (at most 10,000 per sweep, the spec limit).
/// Exported names follow Prometheus conventions (base units, _total for counters) through the exporter.
/// </summary>
public sealed class SweepMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "AslSweep";

    private readonly Counter<long> _epochs;
    private readonly Histogram<double> _epochDuration;
    private readonly Gauge<double> _samplesPerSecond;
    private readonly Gauge<double> _valAccuracy;
    private readonly Gauge<double> _valLoss;
    private readonly Gauge<double> _trainAccuracy;
    private readonly UpDownCounter<long> _busyWorkers;
    private readonly Counter<long> _trialsFinished;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _checkpointWrite;
    private readonly Gauge<double> _bestStable;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>; GPU gauges only where NVML works.</summary>
    public SweepMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        Gpu = NvmlGpu.TryOpen(out string reason);
        GpuUnavailableReason = Gpu is null ? reason : null;
        if (Gpu is { } gpu)
        {
            meter.CreateObservableGauge("aslsweep.gpu.utilization", () => GpuReadings(gpu, r => r.Utilization), "1", "GPU busy fraction (NVML)");
            meter.CreateObservableGauge("aslsweep.gpu.memory.used", () => GpuReadings(gpu, r => (double)r.MemoryUsed), "By", "GPU memory in use (NVML)");
        }

        meter.CreateObservableGauge("aslsweep.cpu_backend.probe_passed", CpuBackendReading, "1", "1 when this process's CPU backend passed its numerics probe, 0 when it failed (labels: backend, requested, cpu)");
        _epochs = meter.CreateCounter<long>("aslsweep.epochs.completed", "{epoch}", "Training epochs completed");
        _epochDuration = meter.CreateHistogram<double>("aslsweep.epoch.duration", "s", "Wall time of one epoch, training and validation");
        _samplesPerSecond = meter.CreateGauge<double>("aslsweep.training.throughput", "{image}/s", "Training images per second of the latest epoch");
        _valAccuracy = meter.CreateGauge<double>("aslsweep.trial.val_accuracy", "1", "Latest validation accuracy of a trial (label statistics: moving or recomputed BatchNorm statistics)");
        _valLoss = meter.CreateGauge<double>("aslsweep.trial.val_loss", "1", "Latest validation loss of a trial (label statistics: moving or recomputed)");
        _trainAccuracy = meter.CreateGauge<double>("aslsweep.trial.train_accuracy", "1", "Latest training accuracy of a trial");
        _busyWorkers = meter.CreateUpDownCounter<long>("aslsweep.workers.busy", "{worker}", "Workers training a trial");
        _trialsFinished = meter.CreateCounter<long>("aslsweep.trials.finished", "{trial}", "Trials that reached a final state, by state");
        _retries = meter.CreateCounter<long>("aslsweep.trials.retries", "{attempt}", "Failed attempts that were retried");
        _bestStable = meter.CreateGauge<double>("aslsweep.sweep.best_mean_last_k", "1", "Best mean validation accuracy of the last k epochs among a sweep's trials");
        _checkpointWrite = meter.CreateHistogram<double>("aslsweep.checkpoint.write.duration", "s", "Time to write a trial's checkpoint atomically");
    }

    private static IEnumerable<Measurement<int>> CpuBackendReading()
    {
        if (TorchNumerics.Current is { } status)
        {
            yield return new Measurement<int>(
                status.ProbePassed ? 1 : 0,
                new KeyValuePair<string, object?>("backend", CpuBackends.Name(status.Backend)),
                new KeyValuePair<string, object?>("requested", CpuBackends.Name(status.Requested)),
                new KeyValuePair<string, object?>("cpu", status.Cpu));
        }
    }

    /// <summary>NVML, when it loaded.</summary>
    public NvmlGpu? Gpu { get; }

    /// <summary>Why there are no GPU metrics, or null when there are.</summary>
    public string? GpuUnavailableReason { get; }

    /// <summary>A worker finished an epoch of a trial.</summary>
    public void Epoch(TrialAssignment assignment, EpochReport epoch)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(epoch);
        var sweep = new KeyValuePair<string, object?>("sweep", assignment.SweepId);
        var trial = new KeyValuePair<string, object?>("trial", assignment.TrialId);
        _epochs.Add(1, sweep);
        _epochDuration.Record(epoch.Seconds, sweep);
        _samplesPerSecond.Record(epoch.SamplesPerSecond, sweep, trial);
        // Both views, labelled: the moving averages' (what Keras and the notebook report) and the recomputed.
        var moving = new KeyValuePair<string, object?>("statistics", "moving");
        _valAccuracy.Record(epoch.ValAccuracy, sweep, trial, moving);
        _valLoss.Record(epoch.ValLoss, sweep, trial, moving);
        if (double.IsFinite(epoch.RecomputedValAccuracy))
        {
            var recomputed = new KeyValuePair<string, object?>("statistics", "recomputed");
            _valAccuracy.Record(epoch.RecomputedValAccuracy, sweep, trial, recomputed);
            _valLoss.Record(epoch.RecomputedValLoss, sweep, trial, recomputed);
        }

        _trainAccuracy.Record(epoch.TrainAccuracy, sweep, trial);
    }

    /// <summary>A worker wrote a checkpoint.</summary>
    public void CheckpointWritten(TimeSpan duration) => _checkpointWrite.Record(duration.TotalSeconds);

    /// <summary>A worker started (+1) or ended (-1) an attempt of <paramref name="sweepId"/> (summed by sweep: each one's share of the workers).</summary>
    public void Busy(WorkerInfo worker, string sweepId, int delta)
    {
        ArgumentNullException.ThrowIfNull(worker);
        _busyWorkers.Add(delta, new KeyValuePair<string, object?>("silo", worker.Silo), new KeyValuePair<string, object?>("device", $"{worker.Device}/{worker.Slot}"), new KeyValuePair<string, object?>("sweep", sweepId));
    }

    /// <summary>A trial reached a final state.</summary>
    public void Finished(string sweepId, TrialState state) =>
        _trialsFinished.Add(1, new KeyValuePair<string, object?>("sweep", sweepId), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant()));

    /// <summary>The sweep's best stable metric (mean of the last k validation accuracies) changed.</summary>
    public void BestStable(string sweepId, double value) => _bestStable.Record(value, new KeyValuePair<string, object?>("sweep", sweepId));

    /// <summary>A failed attempt will be retried.</summary>
    public void Retry(string sweepId) => _retries.Add(1, new KeyValuePair<string, object?>("sweep", sweepId));

    /// <summary>One reading per CUDA device this process sees, labelled as the workers name it (cuda:N after CUDA_VISIBLE_DEVICES).</summary>
    private static IEnumerable<Measurement<double>> GpuReadings(NvmlGpu gpu, Func<(double Utilization, long MemoryUsed, long MemoryFree), double> pick)
    {
        for (int i = 0; i < gpu.Visible.Count; i++)
        {
            if (gpu.Read(i) is { } reading)
            {
                yield return new Measurement<double>(pick(reading), new KeyValuePair<string, object?>("device", $"cuda:{i}"), new KeyValuePair<string, object?>("gpu", gpu.Visible[i].ToString()));
            }
        }
    }
}
