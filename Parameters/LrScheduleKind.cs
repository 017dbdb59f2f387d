namespace AslSweep.Parameters;

/// <summary>Learning-rate schedules.</summary>
public enum LrScheduleKind
{
    /// <summary>Constant learning rate.</summary>
    None,

    /// <summary>Multiply by a factor when validation loss has not improved for some epochs (Keras ReduceLROnPlateau).</summary>
    ReduceOnPlateau,

    /// <summary>Cosine annealing from the initial rate to the minimum over all epochs.</summary>
    Cosine,
}
