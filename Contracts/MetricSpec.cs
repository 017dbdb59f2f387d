namespace AslSweep.Contracts;

/// <summary>The metric trials are judged and ranked by.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.MetricSpec")]
public sealed record MetricSpec
{
    /// <summary>val_accuracy or val_loss.</summary>
    public MetricName Name { get => Spellings.Read(Spellings.Metric, NameWord); init => NameWord = Spellings.Write(Spellings.Metric, value); }

    /// <summary>
    /// maximize or minimize; when not given, the metric's own direction (<see cref="NaturalGoal"/>). A spec stored
    /// before goals were honoured pairs val_loss with the then-default maximize: that pair reads as minimize (the
    /// spec validator refuses it in a new spec).
    /// </summary>
    public MetricGoal Goal
    {
        get => GoalWord.Length == 0 || (Name == MetricName.ValLoss && GoalWord == "maximize") ? NaturalGoal(Name) : Spellings.Read(Spellings.Goal, GoalWord);
        init => GoalWord = Spellings.Write(Spellings.Goal, value);
    }

    // On the wire and in stored state as the spelling, as when these were strings.
    [Id(0)]
    private string NameWord { get; init; } = "val_accuracy";

    [Id(1)]
    private string GoalWord { get; init; } = "";

    /// <summary>
    /// The BatchNorm statistics of the validation the ranking, the schedulers and the recommendation use; the
    /// other view is reported beside it. Default recomputed: what the weights do, without the moving averages' lag.
    /// </summary>
    public ValidationView Statistics { get => StatisticsWord.Length == 0 ? ValidationView.Recomputed : Spellings.Read(Spellings.View, StatisticsWord); init => StatisticsWord = Spellings.Write(Spellings.View, value); }

    /// <summary>The goal as the spec wrote it, or null when it left the goal out (what a validator checks).</summary>
    public MetricGoal? StatedGoal => GoalWord.Length == 0 ? null : Spellings.Read(Spellings.Goal, GoalWord);

    /// <summary>The direction in which <paramref name="name"/> improves: a loss is minimised, an accuracy maximised.</summary>
    public static MetricGoal NaturalGoal(MetricName name) => name == MetricName.ValLoss ? MetricGoal.Minimize : MetricGoal.Maximize;

    /// <summary>Trials are ranked by the mean of their last k epochs, not by a lucky peak.</summary>
    [Id(2)]
    public int LastK { get; init; } = 5;

    [Id(3)]
    private string StatisticsWord { get; init; } = "";
}
