namespace AslSweep.Contracts;

/// <summary>
/// How a sweep stops hopeless trials early (Ray Tune's trial schedulers): <c>fifo</c> runs every trial to its
/// epochs; <c>asha</c> is asynchronous successive halving; <c>median</c> is the median stopping rule. Decisions
/// use the selection metric (the mean of the last k epochs so far), never stop the baseline, and are logged.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SchedulerSpec")]
public sealed record SchedulerSpec
{
    /// <summary>fifo, asha or median.</summary>
    public SchedulerType Type { get => Spellings.Read(Spellings.Scheduler, TypeWord); init => TypeWord = Spellings.Write(Spellings.Scheduler, value); }

    // On the wire and in stored state as its spelling, with the field number the string had.
    [Id(0)]
    private string TypeWord { get; init; } = "fifo";

    /// <summary>ASHA: keep the top 1/η of each rung (η, at least 2).</summary>
    [Id(1)]
    public int ReductionFactor { get; init; } = 3;

    /// <summary>Epochs every trial runs before any decision (ASHA's first rung; the median rule's grace period).</summary>
    [Id(2)]
    public int GracePeriod { get; init; } = 2;

    /// <summary>ASHA: the largest epoch count (rungs are grace·η^k below it); 0 = the largest epochs among the trials.</summary>
    [Id(3)]
    public int MaxEpochs { get; init; }

    /// <summary>Median rule: other trials needed at an epoch before a trial can be stopped there.</summary>
    [Id(4)]
    public int MinSamples { get; init; } = 3;
}
