namespace AslSweep.Grains.Tests.Contracts;

/// <summary>MetricSpec's wire form when its closed sets were strings.</summary>
[GenerateSerializer]
public sealed record EarlierMetricSpec
{
    [Id(0)] public string Name { get; init; } = "val_accuracy";
    [Id(1)] public string Goal { get; init; } = "maximize";
    [Id(2)] public int LastK { get; init; } = 5;
}

/// <summary>SchedulerSpec's wire form when its type was a string.</summary>
[GenerateSerializer]
public sealed record EarlierSchedulerSpec
{
    [Id(0)] public string Type { get; init; } = "fifo";
    [Id(1)] public int ReductionFactor { get; init; } = 3;
    [Id(2)] public int GracePeriod { get; init; } = 2;
    [Id(3)] public int MaxEpochs { get; init; }
    [Id(4)] public int MinSamples { get; init; } = 3;
}

/// <summary>DataSpec's wire form when its labels were a string.</summary>
[GenerateSerializer]
public sealed record EarlierDataSpec
{
    [Id(0)] public bool Synthetic { get; init; } = true;
    [Id(1)] public string? Train { get; init; }
    [Id(2)] public string? Valid { get; init; }
    [Id(3)] public string Labels { get; init; } = "auto";
    [Id(4)] public int SyntheticTrainPerClass { get; init; } = 100;
    [Id(5)] public int SyntheticValidPerClass { get; init; } = 30;
    [Id(6)] public int SyntheticSeed { get; init; } = 7;
}

/// <summary>SweepSpec's wire form when its method was a string (the nested records read as they do today).</summary>
[GenerateSerializer]
public sealed record EarlierSweepSpec
{
    [Id(0)] public string Name { get; init; } = "sweep";
    [Id(1)] public AslSweep.Contracts.DataSpec Data { get; init; } = new();
    [Id(2)] public AslSweep.Contracts.MetricSpec Metric { get; init; } = new();
    [Id(3)] public string Method { get; init; } = "grid";
    [Id(4)] public int NumSamples { get; init; } = 10;
    [Id(5)] public int SearchSeed { get; init; }
    [Id(6)] public System.Collections.Immutable.ImmutableArray<AslSweep.Contracts.ParameterSpec> Parameters { get; init; } = [];
    [Id(7)] public int MaxConcurrent { get; init; } = 16;
    [Id(8)] public int MaxFailures { get; init; } = 2;
    [Id(9)] public bool IncludeBaseline { get; init; } = true;
    [Id(10)] public AslSweep.Contracts.SchedulerSpec Scheduler { get; init; } = new();
    [Id(11)] public int? KeepCheckpoints { get; init; }
}
