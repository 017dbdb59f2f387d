namespace AslSweep.Contracts;

/// <summary>Which BatchNorm statistics a validation used (spelled by <see cref="Spellings.View"/>).</summary>
public enum ValidationView
{
    /// <summary>Statistics recomputed for the epoch's weights: what the weights do.</summary>
    Recomputed,

    /// <summary>The moving averages: what Keras and the notebook report, and what a deployed model does unless its statistics are recomputed.</summary>
    Moving,
}
