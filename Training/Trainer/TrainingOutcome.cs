namespace AslSweep.Training.Trainer;

/// <summary>How a training run ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>Early stopping ended the run (no validation-loss improvement within the patience).</summary>
    EarlyStopped,

    /// <summary>The loss became NaN or infinite.</summary>
    Diverged,

    /// <summary>The caller cancelled; completed epochs are kept.</summary>
    Cancelled,

    /// <summary>
    /// The loss became NaN or infinite on a CPU backend that failed its numerics probe: the machine's fault, not
    /// evidence against the configuration (see <see cref="Numerics.NumericsStatus"/>).
    /// </summary>
    NumericsFault,
}
