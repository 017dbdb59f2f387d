using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Sweeps.Bookkeeping;

/// <summary>
/// Feeds a sweep's new epochs to its scheduler, once each and in order, and says when to stop a trial; the
/// <see cref="SweepBook"/> keeps what it returns. The scheduler is rebuilt by replaying the persisted results, so
/// its decisions survive a reactivation. The value
/// given is the selection metric so far: the mean of the last k epochs up to that epoch, but only of epochs from
/// the grace period on (negated when the goal is minimize: schedulers take higher as better).
/// The baseline is never stopped: it is the reference every trial is compared with.
/// </summary>
public sealed class SweepScheduling
{
    private readonly SweepSpec _spec;
    private readonly RankingMetric _metric;
    private readonly ITrialScheduler _scheduler;
    private readonly Dictionary<int, int> _lastFed = [];
    private readonly Dictionary<int, SchedulingDecision> _replayedStops = [];

    /// <summary>The scheduler of <paramref name="spec"/>, brought up to date with every result already given.</summary>
    public SweepScheduling(SweepSpec spec, int maxEpochs, IEnumerable<SchedulerResultState> past)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(past);
        _spec = spec;
        _metric = RankingMetric.For(spec.Metric);
        _scheduler = TrialSchedulers.Create(spec.Scheduler, maxEpochs);
        foreach (var result in past)
        {
            var decision = _scheduler.OnResult(result.TrialId, result.Epoch, result.Value);
            _lastFed[result.TrialId] = result.Epoch;
            if (decision.Decision == SchedulerDecision.Stop)
            {
                _replayedStops.TryAdd(result.TrialId, new SchedulingDecision { TrialId = result.TrialId, Epoch = result.Epoch, Value = result.Value, Reason = decision.Reason });
            }
        }
    }

    /// <summary>
    /// The first stop the scheduler gave each trial while the past results were replayed: the same decisions it gave
    /// live, since it sees the same results in the same order. The caller decides which still apply (a trial that
    /// ended, or the baseline, was never stopped).
    /// </summary>
    public IReadOnlyDictionary<int, SchedulingDecision> ReplayedStops => _replayedStops;

    /// <summary>
    /// Gives the scheduler the epochs of <paramref name="trial"/> it has not seen. Returns the results given (the
    /// caller keeps them, in order, for a replay) and the decision to stop it, or null. Only a running,
    /// non-baseline trial is stopped. The trial itself is only read.
    /// </summary>
    public (IReadOnlyList<SchedulerResultState> Fed, SchedulingDecision? Stop) Observe(TrialProgressState trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        int k = _spec.Metric.LastK;
        var fed = new List<SchedulerResultState>();
        int last = _lastFed.GetValueOrDefault(trial.TrialId);
        // Epochs are sorted by number; a gap (an epoch report lost on the way) waits for the final report.
        foreach (var epoch in trial.Epochs.Where(e => e.Epoch > last))
        {
            if (epoch.Epoch != last + 1)
            {
                break;
            }

            // Averaged over the last k epochs, but never over epochs before the grace period: early epochs (a
            // network still warming up) would drown the signal the decision needs.
            int span = Math.Clamp(epoch.Epoch - _spec.Scheduler.GracePeriod + 1, 1, k);
            var window = trial.Epochs.Where(e => e.Epoch > epoch.Epoch - span && e.Epoch <= epoch.Epoch).ToList();
            double value = _metric.Score(_metric.Mean(window));
            var decision = _scheduler.OnResult(trial.TrialId, epoch.Epoch, value);
            fed.Add(new SchedulerResultState { TrialId = trial.TrialId, Epoch = epoch.Epoch, Value = value });
            _lastFed[trial.TrialId] = last = epoch.Epoch;
            if (decision.Decision == SchedulerDecision.Stop && !trial.IsBaseline && trial.State == TrialState.Running)
            {
                return (fed, new SchedulingDecision { TrialId = trial.TrialId, Epoch = epoch.Epoch, Value = value, Reason = decision.Reason });
            }
        }

        return (fed, null);
    }
}
