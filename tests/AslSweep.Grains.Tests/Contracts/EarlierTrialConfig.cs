using System.Collections.Immutable;

namespace AslSweep.Grains.Tests.Contracts;

/// <summary>TrialConfig's wire form as the Contracts record had it (field numbers and types), to test old state against.</summary>
[GenerateSerializer]
public sealed record EarlierTrialConfig
{
    [Id(0)] public double ConvDropout { get; init; } = 0.2;
    [Id(1)] public double DenseDropout { get; init; } = 0.3;
    [Id(2)] public ImmutableArray<int> Filters { get; init; } = [75, 50, 25];
    [Id(3)] public int DenseUnits { get; init; } = 512;
    [Id(4)] public int Epochs { get; init; } = 20;
    [Id(5)] public int BatchSize { get; init; } = 32;
    [Id(6)] public string Optimizer { get; init; } = "rmsprop";
    [Id(7)] public double LearningRate { get; init; } = 1e-3;
    [Id(8)] public double Augment { get; init; }
    [Id(9)] public string LrSchedule { get; init; } = "none";
    [Id(10)] public bool BatchNorm { get; init; } = true;
    [Id(11)] public int Seed { get; init; } = 42;
    [Id(12)] public double WeightDecay { get; init; }
    [Id(13)] public double LabelSmoothing { get; init; }
    [Id(14)] public int KernelSize { get; init; } = 3;
    [Id(15)] public string BnStats { get; init; } = "auto";
}
