namespace AslSweep.Contracts;

/// <summary>The validation metric a sweep ranks by (spelled by <see cref="Spellings.Metric"/>).</summary>
public enum MetricName
{
    /// <summary>val_accuracy: higher is better.</summary>
    ValAccuracy,

    /// <summary>val_loss: lower is better.</summary>
    ValLoss,
}
