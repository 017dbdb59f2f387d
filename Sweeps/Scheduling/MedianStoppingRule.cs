using System.Globalization;

namespace AslSweep.Sweeps.Scheduling;

/// <summary>
/// The median stopping rule (Golovin et al. 2017, Google Vizier; Ray Tune's MedianStoppingRule): after the grace
/// period, a trial stops at epoch t when its best value so far is below the median of the other trials' running
/// means up to t, provided at least <c>minSamples</c> other trials have reached t.
/// </summary>
public sealed class MedianStoppingRule(int gracePeriod, int minSamples) : ITrialScheduler
{
    private readonly Dictionary<int, List<double>> _results = [];

    /// <inheritdoc />
    public TrialDecision OnResult(int trialId, int epoch, double value)
    {
        if (!_results.TryGetValue(trialId, out var own))
        {
            _results[trialId] = own = [];
        }

        own.Add(value);
        if (epoch < gracePeriod)
        {
            return TrialDecision.Continue;
        }

        var means = _results.Where(r => r.Key != trialId && r.Value.Count >= epoch).Select(r => r.Value.Take(epoch).Average()).Order().ToList();
        if (means.Count < minSamples)
        {
            return TrialDecision.Continue;
        }

        double median = means.Count % 2 == 1 ? means[means.Count / 2] : (means[(means.Count / 2) - 1] + means[means.Count / 2]) / 2;
        double best = own.Max();
        return best < median
            ? new TrialDecision(SchedulerDecision.Stop, string.Create(CultureInfo.InvariantCulture, $"median rule at epoch {epoch}: best so far {best:F4} is below the median {median:F4} of {means.Count} other trials' running means"))
            : TrialDecision.Continue;
    }
}
