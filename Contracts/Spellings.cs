namespace AslSweep.Contracts;

/// <summary>
/// The one spelling of every closed set of a spec, used by the spec reader, messages, reports and the wire (the
/// records keep these words on the wire, so state written before the sets were enums still loads: each typed
/// property stands over a private word with the field number the string had).
/// </summary>
public static class Spellings
{
    /// <summary>method: grid, random.</summary>
    public static Spelling<SearchMethod> Method { get; } = new((SearchMethod.Grid, "grid"), (SearchMethod.Random, "random"));

    /// <summary>metric.name: val_accuracy, val_loss.</summary>
    public static Spelling<MetricName> Metric { get; } = new((MetricName.ValAccuracy, "val_accuracy"), (MetricName.ValLoss, "val_loss"));

    /// <summary>metric.goal: maximize, minimize.</summary>
    public static Spelling<MetricGoal> Goal { get; } = new((MetricGoal.Maximize, "maximize"), (MetricGoal.Minimize, "minimize"));

    /// <summary>metric.statistics: recomputed, moving.</summary>
    public static Spelling<ValidationView> View { get; } = new((ValidationView.Recomputed, "recomputed"), (ValidationView.Moving, "moving"));

    /// <summary>scheduler.type: fifo, asha, median.</summary>
    public static Spelling<SchedulerType> Scheduler { get; } = new((SchedulerType.Fifo, "fifo"), (SchedulerType.Asha, "asha"), (SchedulerType.Median, "median"));

    /// <summary>data.labels (and <c>--labels</c>): auto, kaggle, contiguous.</summary>
    public static Spelling<LabelConvention> Labels { get; } = new((LabelConvention.Auto, "auto"), (LabelConvention.Kaggle, "kaggle"), (LabelConvention.Contiguous, "contiguous"));

    /// <summary>
    /// The value <paramref name="word"/> spells, read back from the wire; a word no spelling knows (a client not
    /// ours) is an undefined value, which the spec's validation reports by its path.
    /// </summary>
    public static TEnum Read<TEnum>(Spelling<TEnum> spelling, string? word)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return spelling.TryRead(word, out var value, out _) ? value : (TEnum)Enum.ToObject(typeof(TEnum), -1);
    }

    /// <summary>The word <paramref name="value"/> travels as: its spelling, or empty for an undefined value.</summary>
    public static string Write<TEnum>(Spelling<TEnum> spelling, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return Enum.IsDefined(value) ? spelling.Of(value) : "";
    }
}
