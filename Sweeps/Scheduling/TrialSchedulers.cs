using AslSweep.Contracts;

namespace AslSweep.Sweeps.Scheduling;

/// <summary>Builds the scheduler a spec names.</summary>
public static class TrialSchedulers
{
    /// <summary>The scheduler of <paramref name="spec"/> for trials of up to <paramref name="longestTrial"/> epochs.</summary>
    public static ITrialScheduler Create(SchedulerSpec spec, int longestTrial)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Type switch
        {
            SchedulerType.Asha => new AshaScheduler(spec.ReductionFactor, spec.GracePeriod, spec.MaxEpochs > 0 ? spec.MaxEpochs : longestTrial),
            SchedulerType.Median => new MedianStoppingRule(spec.GracePeriod, spec.MinSamples),
            _ => new FifoScheduler(),
        };
    }
}
