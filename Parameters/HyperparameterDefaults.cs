namespace AslSweep.Parameters;

/// <summary>
/// The course notebook's value of every hyperparameter, as constants so that the CLI's option attributes can
/// name them too. <see cref="Hyperparameters"/> is the one definition that uses them; nothing else writes them.
/// </summary>
public static class HyperparameterDefaults
{
    /// <summary>Dropout after the second convolution block.</summary>
    public const double ConvDropout = 0.2;

    /// <summary>Dropout after the hidden dense layer.</summary>
    public const double DenseDropout = 0.3;

    /// <summary>Filters per convolution block, as the CLI writes them.</summary>
    public const string FiltersText = "75,50,25";

    /// <summary>Units of the hidden dense layer.</summary>
    public const int DenseUnits = 512;

    /// <summary>Convolution kernel side.</summary>
    public const int KernelSize = 3;

    /// <summary>Epochs to train.</summary>
    public const int Epochs = 20;

    /// <summary>Mini-batch size.</summary>
    public const int BatchSize = 32;

    /// <summary>The optimiser (Keras's RMSprop).</summary>
    public const OptimizerKind Optimizer = OptimizerKind.RmsProp;

    /// <summary>Initial learning rate (Keras's default for RMSprop).</summary>
    public const double LearningRate = 1e-3;

    /// <summary>Augmentation strength (off).</summary>
    public const double Augment = 0;

    /// <summary>Learning-rate schedule (constant).</summary>
    public const LrScheduleKind LrSchedule = LrScheduleKind.None;

    /// <summary>Whether the blocks have BatchNorm.</summary>
    public const bool BatchNorm = true;

    /// <summary>Seed of the trial's randomness.</summary>
    public const int Seed = 42;

    /// <summary>L2 weight decay.</summary>
    public const double WeightDecay = 0;

    /// <summary>Label smoothing.</summary>
    public const double LabelSmoothing = 0;

    /// <summary>BatchNorm statistics for validation.</summary>
    public const BatchNormStatistics BnStats = BatchNormStatistics.Auto;
}
