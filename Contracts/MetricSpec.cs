namespace AslSweep.Contracts;

/// <summary>The metric trials are judged and ranked by.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.MetricSpec")]
public sealed record MetricSpec
{
    /// <summary>val_accuracy or val_loss.</summary>
    [Id(0)]
    public MetricName Name { get; init; } = MetricName.ValAccuracy;

    /// <summary>maximize or minimize.</summary>
    [Id(1)]
    public MetricGoal Goal { get; init; } = MetricGoal.Maximize;

    /// <summary>Trials are ranked by the mean of their last k epochs, not by a lucky peak.</summary>
    [Id(2)]
    public int LastK { get; init; } = 5;
}
