using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Sweeps.Bookkeeping;

/// <summary>
/// Feeds a sweep's new epochs to its scheduler, once each and in order, and says which trials to stop; the
/// <see cref="SweepBook"/> keeps what it returns. The scheduler is rebuilt by replaying the persisted results, so
/// its decisions survive a reactivation. The value
/// given is the selection metric so far: the mean of the last k epochs up to that epoch, but only of epochs from
/// the grace period on (negated when the goal is minimize: schedulers take higher as better).
/// The baseline is never stopped: it is the reference every trial is compared with.
/// </summary>
/// <remarks>
/// With replicates, the scheduler judges configurations, not seeds, so no configuration is stopped on one unlucky
/// seed: it sees one result per configuration and epoch, under the configuration's first trial id, the mean of its
/// replicates' values at that epoch, given once every replicate has reached the epoch (replicates that failed,
/// diverged or were cancelled are left out of the mean). A stop then stops every replicate of the configuration
/// that is not final (running, or requeued and waiting) at that epoch; one that already completed keeps its curve.
/// Without replicates every trial is its own configuration and this is the plain per-trial scheduler.
/// </remarks>
public sealed class SweepScheduling
{
    private readonly SweepSpec _spec;
    private readonly RankingMetric _metric;
    private readonly ITrialScheduler _scheduler;
    private readonly Dictionary<int, IReadOnlyList<int>> _groupOf = [];
    private readonly Dictionary<int, int> _lastFed = [];
    private readonly Dictionary<int, SchedulingDecision> _replayedStops = [];

    /// <summary>
    /// The scheduler of <paramref name="spec"/>, brought up to date with every result already given, over the
    /// replicate groups <paramref name="groups"/> (each a configuration's trial ids; a trial in none is its own).
    /// </summary>
    public SweepScheduling(SweepSpec spec, int maxEpochs, IEnumerable<SchedulerResultState> past, IEnumerable<IReadOnlyList<int>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(past);
        _spec = spec;
        _metric = RankingMetric.For(spec.Metric);
        _scheduler = TrialSchedulers.Create(spec.Scheduler, maxEpochs);
        foreach (var group in groups ?? [])
        {
            foreach (int trialId in group)
            {
                _groupOf[trialId] = group;
            }
        }

        foreach (var result in past)
        {
            var decision = _scheduler.OnResult(result.TrialId, result.Epoch, result.Value);
            _lastFed[result.TrialId] = result.Epoch;
            if (decision.Decision == SchedulerDecision.Stop)
            {
                foreach (int member in Group(result.TrialId))
                {
                    _replayedStops.TryAdd(member, new SchedulingDecision { TrialId = member, Epoch = result.Epoch, Value = result.Value, Reason = Reason(decision, Group(result.TrialId).Count) });
                }
            }
        }
    }

    /// <summary>
    /// The first stop the scheduler gave each trial (each replicate of a stopped configuration) while the past
    /// results were replayed: the same decisions it gave live, since it sees the same results in the same order. The
    /// caller decides which still apply (a trial that ended, or the baseline, was never stopped).
    /// </summary>
    public IReadOnlyDictionary<int, SchedulingDecision> ReplayedStops => _replayedStops;

    /// <summary>Observes a trial without replicates (its own configuration).</summary>
    public (IReadOnlyList<SchedulerResultState> Fed, IReadOnlyList<SchedulingDecision> Stops) Observe(TrialProgressState trial) =>
        Observe(trial, id => id == trial?.TrialId ? trial : null);

    /// <summary>
    /// Gives the scheduler the epochs of <paramref name="trial"/>'s configuration it has not seen, finding the other
    /// replicates through <paramref name="trialOf"/>. Returns the results given (the caller keeps them, in order,
    /// for a replay) and the stops decided: one per running, non-baseline replicate. The trials are only read.
    /// </summary>
    public (IReadOnlyList<SchedulerResultState> Fed, IReadOnlyList<SchedulingDecision> Stops) Observe(TrialProgressState trial, Func<int, TrialProgressState?> trialOf)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(trialOf);
        var group = Group(trial.TrialId);
        int key = group[0];
        // A trial alone always counts (its final report's epochs still enter the rungs, as they always did); of
        // replicates, those that ended without completing no longer do, the observed one included.
        var members = group.Count == 1
            ? [trial]
            : group.Select(id => id == trial.TrialId ? trial : trialOf(id)).OfType<TrialProgressState>()
                .Where(m => m.State is not (TrialState.Failed or TrialState.Diverged or TrialState.Cancelled))
                .ToList();
        if (members.Count == 0)
        {
            return ([], []);
        }

        var fed = new List<SchedulerResultState>();
        int last = _lastFed.GetValueOrDefault(key);
        while (true)
        {
            int epoch = last + 1;
            // A gap (an epoch report lost on the way), or a replicate not there yet, waits for its report.
            var values = members.Select(m => Value(m, epoch)).ToList();
            if (values.Any(v => v is null))
            {
                break;
            }

            double value = values.Average(v => v!.Value);
            var decision = _scheduler.OnResult(key, epoch, value);
            fed.Add(new SchedulerResultState { TrialId = key, Epoch = epoch, Value = value });
            _lastFed[key] = last = epoch;
            if (decision.Decision == SchedulerDecision.Stop)
            {
                // Every replicate not yet final is stopped, a requeued one waiting for a worker too: it would
                // otherwise resume and train on, never judged again.
                var stops = members.Where(m => !m.IsBaseline && (m.State == TrialState.Running || (group.Count > 1 && !SweepBook.IsFinal(m.State))))
                    .Select(m => new SchedulingDecision { TrialId = m.TrialId, Epoch = epoch, Value = value, Reason = Reason(decision, group.Count) })
                    .ToList();
                if (stops.Count > 0)
                {
                    return (fed, stops);
                }
            }
        }

        return (fed, []);
    }

    private IReadOnlyList<int> Group(int trialId) => _groupOf.TryGetValue(trialId, out var group) ? group : [trialId];

    // The schedulers count what they were given, which with replicates is configurations.
    private static string Reason(TrialDecision decision, int replicates) => replicates > 1
        ? $"{decision.Reason.Replace("trials", "configurations", StringComparison.Ordinal)} (the mean of the configuration's {replicates} replicates)"
        : decision.Reason;

    // The scheduler's value of a trial at an epoch, or null when the trial's curve does not reach it without a gap:
    // averaged over the last k epochs, but never over epochs before the grace period, since early epochs (a network
    // still warming up) would drown the signal the decision needs.
    private double? Value(TrialProgressState trial, int epoch)
    {
        // Epochs are sorted by number and each is there once, so the curve reaches the epoch without a gap exactly
        // when the epoch's index holds it.
        if (trial.Epochs.Count < epoch || trial.Epochs[epoch - 1].Epoch != epoch)
        {
            return null;
        }

        int span = Math.Clamp(epoch - _spec.Scheduler.GracePeriod + 1, 1, _spec.Metric.LastK);
        var window = trial.Epochs.GetRange(epoch - span, span);
        return _metric.Score(_metric.Mean(window));
    }
}
