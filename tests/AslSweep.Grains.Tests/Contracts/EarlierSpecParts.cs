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
