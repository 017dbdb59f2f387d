using System.Collections.Immutable;

namespace AslSweep.Grains.Tests.Contracts;

/// <summary>TrialConfig's wire form as the Contracts record had it (field numbers and types), to test old state against.</summary>
[GenerateSerializer]
public sealed class EarlierTrialConfig
{
    [Id(0)] public double ConvDropout { get; set; } = 0.2;
    [Id(1)] public double DenseDropout { get; set; } = 0.3;
    [Id(2)] public ImmutableArray<int> Filters { get; set; } = [75, 50, 25];
    [Id(3)] public int DenseUnits { get; set; } = 512;
    [Id(4)] public int Epochs { get; set; } = 20;
    [Id(5)] public int BatchSize { get; set; } = 32;
    [Id(6)] public string Optimizer { get; set; } = "rmsprop";
    [Id(7)] public double LearningRate { get; set; } = 1e-3;
    [Id(8)] public double Augment { get; set; }
    [Id(9)] public string LrSchedule { get; set; } = "none";
    [Id(10)] public bool BatchNorm { get; set; } = true;
    [Id(11)] public int Seed { get; set; } = 42;
    [Id(12)] public double WeightDecay { get; set; }
    [Id(13)] public double LabelSmoothing { get; set; }
    [Id(14)] public int KernelSize { get; set; } = 3;
    [Id(15)] public string BnStats { get; set; } = "auto";
}
