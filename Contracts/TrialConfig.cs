using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>Every hyperparameter of one trial; the defaults are the course notebook's.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.TrialConfig")]
public sealed record TrialConfig
{
    /// <summary>Dropout after the second convolution block.</summary>
    [Id(0)]
    public double ConvDropout { get; init; } = 0.2;

    /// <summary>Dropout after the hidden dense layer.</summary>
    [Id(1)]
    public double DenseDropout { get; init; } = 0.3;

    /// <summary>Filters per convolution block.</summary>
    [Id(2)]
    public ImmutableArray<int> Filters { get; init; } = [75, 50, 25];

    /// <summary>Units of the hidden dense layer.</summary>
    [Id(3)]
    public int DenseUnits { get; init; } = 512;

    /// <summary>Epochs to train.</summary>
    [Id(4)]
    public int Epochs { get; init; } = 20;

    /// <summary>Mini-batch size.</summary>
    [Id(5)]
    public int BatchSize { get; init; } = 32;

    /// <summary>rmsprop, adam or sgd.</summary>
    [Id(6)]
    public string Optimizer { get; init; } = "rmsprop";

    /// <summary>Initial learning rate.</summary>
    [Id(7)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Augmentation strength; 0 = off, 1 = the course's ranges.</summary>
    [Id(8)]
    public double Augment { get; init; }

    /// <summary>none, reduce_on_plateau or cosine.</summary>
    [Id(9)]
    public string LrSchedule { get; init; } = "none";

    /// <summary>Whether the blocks have BatchNorm.</summary>
    [Id(10)]
    public bool BatchNorm { get; init; } = true;

    /// <summary>Seed of the trial's randomness.</summary>
    [Id(11)]
    public int Seed { get; init; } = 42;

    /// <summary>L2 weight decay.</summary>
    [Id(12)]
    public double WeightDecay { get; init; }

    /// <summary>Label smoothing.</summary>
    [Id(13)]
    public double LabelSmoothing { get; init; }

    /// <summary>Convolution kernel side.</summary>
    [Id(14)]
    public int KernelSize { get; init; } = 3;

    /// <summary>
    /// The BatchNorm statistics validation uses: moving (Keras's moving averages), recomputed (for the
    /// current weights before every validation, like torch's update_bn) or auto (recomputed when an epoch is
    /// too short for the moving averages to forget the previous one, else moving).
    /// </summary>
    [Id(15)]
    public string BnStats { get; init; } = "auto";

    /// <summary>Structural equality (the filters compared element by element).</summary>
    public bool Equals(TrialConfig? other) => other is not null && Describe() == other.Describe();

    /// <inheritdoc />
    public override int GetHashCode() => Describe().GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// Every parameter as name=value, in the spec's names; stable, used for equality and reports.
    /// bn_stats appears only when it is not the default, so earlier configurations keep their text.
    /// </summary>
    public string Describe() => FormattableString.Invariant(
        $"conv_dropout={ConvDropout} dense_dropout={DenseDropout} filters={string.Join(",", Filters)} dense_units={DenseUnits} kernel_size={KernelSize} epochs={Epochs} batch_size={BatchSize} optimizer={Optimizer} learning_rate={LearningRate} augment={Augment} lr_schedule={LrSchedule} batch_norm={BatchNorm.ToString().ToLowerInvariant()} weight_decay={WeightDecay} label_smoothing={LabelSmoothing} seed={Seed}{(BnStats == "auto" ? "" : $" bn_stats={BnStats}")}");
}
