namespace AslSweep.Contracts.State;

/// <summary>One result given to the sweep's scheduler, kept in order so that a reactivated coordinator can replay them.</summary>
[GenerateSerializer]
[Alias("aslsweep.SchedulerResultState")]
public sealed class SchedulerResultState
{
    /// <summary>The trial the result belongs to.</summary>
    [Id(0)]
    public int TrialId { get; set; }

    /// <summary>The epoch (1-based) it was measured after.</summary>
    [Id(1)]
    public int Epoch { get; set; }

    /// <summary>The selection metric at that epoch.</summary>
    [Id(2)]
    public double Value { get; set; }

    /// <summary>Its place among all the sweep's results (they are saved per trial and put back in this order).</summary>
    [Id(3)]
    public int Sequence { get; set; }
}
