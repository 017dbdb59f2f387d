namespace AslSweep.Parameters;

/// <summary>Which BatchNorm statistics the model is validated (and saved) with.</summary>
public enum BatchNormStatistics
{
    /// <summary>
    /// Keras's moving averages, updated by every training batch with momentum 0.99: what the notebook
    /// reports. They trail the weights by about a hundred batches.
    /// </summary>
    Moving,

    /// <summary>
    /// Recomputed for the current weights before every validation, as an equal-weight average over a shuffled,
    /// seeded pass (at most 256 batches) of the (augmented) training set, like torch's <c>swa_utils.update_bn</c>. Training itself still uses
    /// and updates the moving averages, so the training curve is the same as with <see cref="Moving"/>.
    /// </summary>
    Recomputed,

    /// <summary>
    /// <see cref="Moving"/> when an epoch is long enough for the moving averages to forget the previous
    /// epoch's statistics, <see cref="Recomputed"/> when it is not (the training core decides by the epoch length).
    /// </summary>
    Auto,
}
