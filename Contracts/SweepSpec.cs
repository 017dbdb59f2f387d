using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>A sweep as submitted: what to train on, what to vary, how to search and how to judge.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SweepSpec")]
public sealed record SweepSpec
{
    /// <summary>A name for people.</summary>
    [Id(0)]
    public string Name { get; init; } = "sweep";

    /// <summary>The data.</summary>
    [Id(1)]
    public DataSpec Data { get; init; } = new();

    /// <summary>The selection metric.</summary>
    [Id(2)]
    public MetricSpec Metric { get; init; } = new();

    /// <summary>grid or random.</summary>
    public SearchMethod Method { get => Spellings.Read(Spellings.Method, MethodWord); init => MethodWord = Spellings.Write(Spellings.Method, value); }

    // On the wire and in stored state as its spelling, with the field number the string had.
    [Id(3)]
    private string MethodWord { get; init; } = "grid";

    /// <summary>Random search: how many trials.</summary>
    [Id(4)]
    public int NumSamples { get; init; } = 10;

    /// <summary>Random search: the seed (same spec and seed, same trials).</summary>
    [Id(5)]
    public int SearchSeed { get; init; }

    /// <summary>The searched parameters; those not named keep the notebook's values.</summary>
    [Id(6)]
    public ImmutableArray<ParameterSpec> Parameters { get; init; } = [];

    /// <summary>At most this many trials run at once (and never more than the cluster's capacity).</summary>
    [Id(7)]
    public int MaxConcurrent { get; init; } = 16;

    /// <summary>Attempts per trial before it is marked Failed.</summary>
    [Id(8)]
    public int MaxFailures { get; init; } = 2;

    /// <summary>Whether the notebook's configuration is added as trial 1 (unless the search already has it).</summary>
    [Id(9)]
    public bool IncludeBaseline { get; init; } = true;

    /// <summary>Early stopping of hopeless trials (fifo: none).</summary>
    [Id(10)]
    public SchedulerSpec Scheduler { get; init; } = new();

    /// <summary>
    /// Keep the checkpoints of only this many completed trials, the best by the selection metric, besides the
    /// baseline's and the recommended trial's (Ray Tune's <c>num_to_keep</c>); null keeps every checkpoint.
    /// </summary>
    [Id(11)]
    public int? KeepCheckpoints { get; init; }

    /// <summary>
    /// Runs per configuration, each from its own seed (the first keeps the configuration's seed, the others are
    /// derived from it and recorded in their configs); the report ranks configurations by the mean over them.
    /// </summary>
    [Id(12)]
    public int Replicates { get; init; } = 1;

    /// <summary>
    /// Value equality: the parameters compared item by item (a record compares an ImmutableArray by reference, so a
    /// resubmitted spec, equal in every value, would count as another). Every property takes part; a test holds that.
    /// </summary>
    public bool Equals(SweepSpec? other) => other is not null
        && Name == other.Name && Data == other.Data && Metric == other.Metric && Method == other.Method
        && NumSamples == other.NumSamples && SearchSeed == other.SearchSeed && Parameters.SequenceEqual(other.Parameters)
        && MaxConcurrent == other.MaxConcurrent && MaxFailures == other.MaxFailures && IncludeBaseline == other.IncludeBaseline
        && Scheduler == other.Scheduler && KeepCheckpoints == other.KeepCheckpoints && Replicates == other.Replicates;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Data, Metric, Method, Parameters.Length, Scheduler, KeepCheckpoints, Replicates);
}
