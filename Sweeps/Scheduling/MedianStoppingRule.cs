using System.Globalization;

namespace AslSweep.Sweeps.Scheduling;

/// <summary>
/// The median stopping rule (Golovin et al. 2017, Google Vizier; Ray Tune's MedianStoppingRule): after the grace
/// period, a trial stops at epoch t when its best value so far is below the median of the other trials' running
/// means up to t, provided at least <c>minSamples</c> other trials have reached t.
/// </summary>
public sealed class MedianStoppingRule(int gracePeriod, int minSamples) : ITrialScheduler
{
    // Each trial's results come once each and in epoch order, so its running mean at an epoch is final when that
    // epoch arrives: kept sorted per epoch, a decision costs one insertion instead of recomputing every trial's
    // mean (which made a sweep's decisions O(n^2 E^2) in trials n and epochs E).
    private readonly Dictionary<int, (int Count, double Sum, double Best)> _trials = [];
    private readonly Dictionary<int, List<double>> _runningMeans = [];

    /// <inheritdoc />
    public TrialDecision OnResult(int trialId, int epoch, double value)
    {
        var (count, sum, best) = _trials.GetValueOrDefault(trialId, (0, 0.0, double.NegativeInfinity));
        (count, sum, best) = (count + 1, sum + value, Math.Max(best, value));
        _trials[trialId] = (count, sum, best);

        // The other trials that reached this epoch: those recorded here before this trial.
        if (!_runningMeans.TryGetValue(epoch, out var others))
        {
            _runningMeans[epoch] = others = [];
        }

        var decision = TrialDecision.Continue;
        if (epoch >= gracePeriod && others.Count >= minSamples)
        {
            int n = others.Count;
            double median = n % 2 == 1 ? others[n / 2] : (others[(n / 2) - 1] + others[n / 2]) / 2;
            if (best < median)
            {
                decision = new TrialDecision(SchedulerDecision.Stop, string.Create(CultureInfo.InvariantCulture, $"median rule at epoch {epoch}: best so far {best:F4} is below the median {median:F4} of {n} other trials' running means"));
            }
        }

        double mean = sum / count;
        int at = others.BinarySearch(mean);
        others.Insert(at < 0 ? ~at : at, mean);
        return decision;
    }
}
