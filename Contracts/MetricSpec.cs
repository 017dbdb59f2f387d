namespace AslSweep.Contracts;

/// <summary>The metric trials are judged and ranked by.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.MetricSpec")]
public sealed record MetricSpec
{
    /// <summary>val_accuracy or val_loss.</summary>
    [Id(0)]
    public string Name { get; init; } = "val_accuracy";

    /// <summary>maximize or minimize.</summary>
    [Id(1)]
    public string Goal { get; init; } = "maximize";

    /// <summary>Trials are ranked by the mean of their last k epochs, not by a lucky peak.</summary>
    [Id(2)]
    public int LastK { get; init; } = 5;
}
