using System.Globalization;

namespace AslSweep.Sweeps.Scheduling;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020, as Ray Tune's AsyncHyperBandScheduler): rungs at
/// grace·η^k epochs below the maximum. When a trial reaches a rung, its value is compared with the values
/// recorded there before it; below their (1 - 1/η) quantile it stops, otherwise it continues and its value is
/// recorded. The first trials at a rung always continue, so no trial waits for others (asynchronous).
/// </summary>
public sealed class AshaScheduler : ITrialScheduler
{
    private readonly int _reductionFactor;
    private readonly SortedDictionary<int, Dictionary<int, double>> _rungs = [];

    /// <summary>Rungs for trials of up to <paramref name="maxEpochs"/> epochs.</summary>
    public AshaScheduler(int reductionFactor, int gracePeriod, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, 1);
        _reductionFactor = reductionFactor;
        for (long milestone = gracePeriod; milestone < maxEpochs; milestone *= reductionFactor)
        {
            _rungs[(int)milestone] = [];
        }
    }

    /// <summary>The rung milestones (epochs), lowest first.</summary>
    public IReadOnlyCollection<int> Milestones => _rungs.Keys;

    /// <inheritdoc />
    public TrialDecision OnResult(int trialId, int epoch, double value)
    {
        if (!_rungs.TryGetValue(epoch, out var recorded) || recorded.ContainsKey(trialId))
        {
            return TrialDecision.Continue;
        }

        var decision = TrialDecision.Continue;
        if (recorded.Count > 0)
        {
            double cutoff = Quantile([.. recorded.Values], 1.0 - (1.0 / _reductionFactor));
            if (value < cutoff)
            {
                decision = new TrialDecision(SchedulerDecision.Stop, string.Create(CultureInfo.InvariantCulture,
                    $"ASHA rung at epoch {epoch}: {value:F4} is below the top-1/{_reductionFactor} cutoff {cutoff:F4} of the {recorded.Count} trials recorded there"));
            }
        }

        recorded[trialId] = value;
        return decision;
    }

    /// <summary>Linear-interpolated quantile (numpy's default), as Ray Tune computes the rung cutoff.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
