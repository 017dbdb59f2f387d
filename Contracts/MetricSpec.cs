namespace AslSweep.Contracts;

/// <summary>The metric trials are judged and ranked by.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.MetricSpec")]
public sealed record MetricSpec
{
    /// <summary>val_accuracy or val_loss.</summary>
    public MetricName Name { get => Spellings.Read(Spellings.Metric, NameWord); init => NameWord = Spellings.Write(Spellings.Metric, value); }

    /// <summary>maximize or minimize.</summary>
    public MetricGoal Goal { get => Spellings.Read(Spellings.Goal, GoalWord); init => GoalWord = Spellings.Write(Spellings.Goal, value); }

    // On the wire and in stored state as the spelling, as when these were strings.
    [Id(0)]
    private string NameWord { get; init; } = "val_accuracy";

    [Id(1)]
    private string GoalWord { get; init; } = "maximize";

    /// <summary>Trials are ranked by the mean of their last k epochs, not by a lucky peak.</summary>
    [Id(2)]
    public int LastK { get; init; } = 5;
}
