namespace AslSweep.Grains.Coordination;

/// <summary>How a sweep coordinator keeps itself alive (set from <c>AslSweep:Silo:SweepReminderPeriod</c>).</summary>
public sealed class SweepCoordinatorOptions
{
    /// <summary>Period of the reminder that reactivates a running sweep's coordinator after its silo was lost.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a coordinator asks the workers of its running trials whether they still hold their attempts;
    /// a trial whose worker does not is requeued (or, in a cancelled sweep, cancelled).
    /// </summary>
    public TimeSpan LivenessPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
