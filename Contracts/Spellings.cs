namespace AslSweep.Contracts;

/// <summary>
/// The one spelling of every closed set of a spec, used by the spec reader, messages, reports and the wire (the
/// records keep these words on the wire, so state written before the sets were enums still loads).
/// </summary>
public static class Spellings
{
    /// <summary>method: grid, random.</summary>
    public static Spelling<SearchMethod> Method { get; } = new((SearchMethod.Grid, "grid"), (SearchMethod.Random, "random"));

    /// <summary>metric.name: val_accuracy, val_loss.</summary>
    public static Spelling<MetricName> Metric { get; } = new((MetricName.ValAccuracy, "val_accuracy"), (MetricName.ValLoss, "val_loss"));

    /// <summary>metric.goal: maximize, minimize.</summary>
    public static Spelling<MetricGoal> Goal { get; } = new((MetricGoal.Maximize, "maximize"), (MetricGoal.Minimize, "minimize"));

    /// <summary>scheduler.type: fifo, asha, median.</summary>
    public static Spelling<SchedulerType> Scheduler { get; } = new((SchedulerType.Fifo, "fifo"), (SchedulerType.Asha, "asha"), (SchedulerType.Median, "median"));

    /// <summary>data.labels (and <c>--labels</c>): auto, kaggle, contiguous.</summary>
    public static Spelling<LabelConvention> Labels { get; } = new((LabelConvention.Auto, "auto"), (LabelConvention.Kaggle, "kaggle"), (LabelConvention.Contiguous, "contiguous"));
}
