using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// How a <see cref="TrialConfig"/> travels and is stored: the field numbers, types and alias it had when it was a
/// Contracts record (choices as their one spelling, in text), so grain state written before keeps loading. A
/// record, as the old type was (not a struct surrogate, not a class: Orleans encodes those differently, which would
/// not read the old state; a test holds the old shape against it).
/// </summary>
[GenerateSerializer]
[Alias("aslsweep.TrialConfig")]
public sealed record TrialConfigWire
{
    /// <summary>conv_dropout.</summary>
    [Id(0)]
    public double ConvDropout { get; init; } = HyperparameterDefaults.ConvDropout;

    /// <summary>dense_dropout.</summary>
    [Id(1)]
    public double DenseDropout { get; init; } = HyperparameterDefaults.DenseDropout;

    /// <summary>filters.</summary>
    [Id(2)]
    public ImmutableArray<int> Filters { get; init; } = Hyperparameters.Filters.Default;

    /// <summary>dense_units.</summary>
    [Id(3)]
    public int DenseUnits { get; init; } = HyperparameterDefaults.DenseUnits;

    /// <summary>epochs.</summary>
    [Id(4)]
    public int Epochs { get; init; } = HyperparameterDefaults.Epochs;

    /// <summary>batch_size.</summary>
    [Id(5)]
    public int BatchSize { get; init; } = HyperparameterDefaults.BatchSize;

    /// <summary>optimizer, in its spelling.</summary>
    [Id(6)]
    public string Optimizer { get; init; } = Hyperparameters.Optimizer.Format(HyperparameterDefaults.Optimizer);

    /// <summary>learning_rate.</summary>
    [Id(7)]
    public double LearningRate { get; init; } = HyperparameterDefaults.LearningRate;

    /// <summary>augment.</summary>
    [Id(8)]
    public double Augment { get; init; } = HyperparameterDefaults.Augment;

    /// <summary>lr_schedule, in its spelling.</summary>
    [Id(9)]
    public string LrSchedule { get; init; } = Hyperparameters.LrSchedule.Format(HyperparameterDefaults.LrSchedule);

    /// <summary>batch_norm.</summary>
    [Id(10)]
    public bool BatchNorm { get; init; } = HyperparameterDefaults.BatchNorm;

    /// <summary>seed.</summary>
    [Id(11)]
    public int Seed { get; init; } = HyperparameterDefaults.Seed;

    /// <summary>weight_decay.</summary>
    [Id(12)]
    public double WeightDecay { get; init; } = HyperparameterDefaults.WeightDecay;

    /// <summary>label_smoothing.</summary>
    [Id(13)]
    public double LabelSmoothing { get; init; } = HyperparameterDefaults.LabelSmoothing;

    /// <summary>kernel_size.</summary>
    [Id(14)]
    public int KernelSize { get; init; } = HyperparameterDefaults.KernelSize;

    /// <summary>bn_stats, in its spelling.</summary>
    [Id(15)]
    public string BnStats { get; init; } = Hyperparameters.BnStats.Format(HyperparameterDefaults.BnStats);

    /// <summary>The wire form of <paramref name="config"/>.</summary>
    public static TrialConfigWire From(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TrialConfigWire
        {
            ConvDropout = config.ConvDropout,
            DenseDropout = config.DenseDropout,
            Filters = config.Filters,
            DenseUnits = config.DenseUnits,
            Epochs = config.Epochs,
            BatchSize = config.BatchSize,
            Optimizer = Hyperparameters.Optimizer.Format(config.Optimizer),
            LearningRate = config.LearningRate,
            Augment = config.Augment,
            LrSchedule = Hyperparameters.LrSchedule.Format(config.LrSchedule),
            BatchNorm = config.BatchNorm,
            Seed = config.Seed,
            WeightDecay = config.WeightDecay,
            LabelSmoothing = config.LabelSmoothing,
            KernelSize = config.KernelSize,
            BnStats = Hyperparameters.BnStats.Format(config.BnStats),
        };
    }

    /// <summary>The typed configuration; a choice is parsed by its definition (throws naming it if unknown).</summary>
    public TrialConfig ToConfig() => new()
    {
        ConvDropout = ConvDropout,
        DenseDropout = DenseDropout,
        Filters = Filters.IsDefault ? Hyperparameters.Filters.Default : Filters,
        DenseUnits = DenseUnits,
        Epochs = Epochs,
        BatchSize = BatchSize,
        Optimizer = Hyperparameters.Optimizer.Parse(Optimizer, out _),
        LearningRate = LearningRate,
        Augment = Augment,
        LrSchedule = Hyperparameters.LrSchedule.Parse(LrSchedule, out _),
        BatchNorm = BatchNorm,
        Seed = Seed,
        WeightDecay = WeightDecay,
        LabelSmoothing = LabelSmoothing,
        KernelSize = KernelSize,
        BnStats = Hyperparameters.BnStats.Parse(BnStats, out _),
    };
}
