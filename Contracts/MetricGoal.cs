namespace AslSweep.Contracts;

/// <summary>Whether the metric is to be maximised or minimised (spelled by <see cref="Spellings.Goal"/>).</summary>
public enum MetricGoal
{
    /// <summary>Higher is better.</summary>
    Maximize,

    /// <summary>Lower is better.</summary>
    Minimize,
}
