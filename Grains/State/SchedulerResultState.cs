namespace AslSweep.Grains.State;

/// <summary>One result given to the sweep's scheduler, kept in order so that a reactivated coordinator can replay them.</summary>
[GenerateSerializer]
[Alias("aslsweep.SchedulerResultState")]
public sealed class SchedulerResultState
{
    [Id(0)]
    public int TrialId { get; set; }

    [Id(1)]
    public int Epoch { get; set; }

    [Id(2)]
    public double Value { get; set; }
}
