using System.Collections.Immutable;
using System.Globalization;

namespace AslSweep.Parameters;

/// <summary>
/// Every hyperparameter, each defined once: name, type, range, default, how it is set on a
/// <see cref="TrialConfig"/> and how it prints. The spec reader, validation, the CLI's <c>train</c> options, trial
/// configurations, reports and the training core's configuration all derive from these.
/// </summary>
public static partial class Hyperparameters
{
    /// <summary>Dropout after the second convolution block.</summary>
    public static Hyperparameter<double> ConvDropout { get; } = Rate("conv_dropout", "Dropout after the second block's convolution.", HyperparameterDefaults.ConvDropout, c => c.ConvDropout, (c, v) => c with { ConvDropout = v });

    /// <summary>Dropout after the hidden dense layer.</summary>
    public static Hyperparameter<double> DenseDropout { get; } = Rate("dense_dropout", "Dropout after the hidden dense layer.", HyperparameterDefaults.DenseDropout, c => c.DenseDropout, (c, v) => c with { DenseDropout = v });

    /// <summary>Filters per convolution block; one block per entry.</summary>
    public static Hyperparameter<ImmutableArray<int>> Filters { get; } = new(new HyperparameterShape<ImmutableArray<int>>(
        "filters", ParameterKind.IntList, "Filters per convolution block, comma-separated (one block per entry).",
        [.. HyperparameterDefaults.FiltersText.Split(',').Select(int.Parse)], c => c.Filters, (c, v) => c with { Filters = v },
        v => string.Join(",", v.Select(i => i.ToString(CultureInfo.InvariantCulture))), ParseIntList, "a list of whole numbers (e.g. 75,50,25)")
    {
        Min = 1,
        Max = 4096,
        Numbers = v => v.Select(i => (double)i),
        Rule = v => v.IsEmpty ? "at least one convolution block is needed" : null,
        Comparer = SequenceComparer.Instance,
    });

    /// <summary>Units of the hidden dense layer.</summary>
    public static Hyperparameter<int> DenseUnits { get; } = Whole("dense_units", "Units of the hidden dense layer.", HyperparameterDefaults.DenseUnits, 1, 65_536, c => c.DenseUnits, (c, v) => c with { DenseUnits = v });

    /// <summary>Square, odd convolution kernel side.</summary>
    public static Hyperparameter<int> KernelSize { get; } = Whole("kernel_size", "Square, odd convolution kernel side.", HyperparameterDefaults.KernelSize, 1, 27, c => c.KernelSize, (c, v) => c with { KernelSize = v }, v => v % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{v} must be odd") : null);

    /// <summary>Epochs to train.</summary>
    public static Hyperparameter<int> Epochs { get; } = Whole("epochs", "Epochs to train.", HyperparameterDefaults.Epochs, 1, 10_000, c => c.Epochs, (c, v) => c with { Epochs = v });

    /// <summary>Mini-batch size.</summary>
    public static Hyperparameter<int> BatchSize { get; } = Whole("batch_size", "Mini-batch size.", HyperparameterDefaults.BatchSize, 1, 65_536, c => c.BatchSize, (c, v) => c with { BatchSize = v });

    /// <summary>The optimiser.</summary>
    public static Hyperparameter<OptimizerKind> Optimizer { get; } = Choice("optimizer", "rmsprop (Keras defaults), adam or sgd.", HyperparameterDefaults.Optimizer, [(OptimizerKind.RmsProp, "rmsprop"), (OptimizerKind.Adam, "adam"), (OptimizerKind.Sgd, "sgd")], c => c.Optimizer, (c, v) => c with { Optimizer = v });

    /// <summary>Initial learning rate.</summary>
    public static Hyperparameter<double> LearningRate { get; } = Real("learning_rate", "Initial learning rate.", HyperparameterDefaults.LearningRate, 0, 10, c => c.LearningRate, (c, v) => c with { LearningRate = v }, minExclusive: true);

    /// <summary>Augmentation strength; 0 = off, 1 = the course's ranges.</summary>
    public static Hyperparameter<double> Augment { get; } = new(new HyperparameterShape<double>(
        "augment", ParameterKind.Strength, "Augmentation strength: 0 = off, 1 = the course's ranges (rotation 10 deg, zoom 0.1, shift 0.1); true = 1, false = 0.",
        HyperparameterDefaults.Augment, c => c.Augment, (c, v) => c with { Augment = v }, FormatReal,
        t => t switch { "true" => (true, 1, null), "false" => (true, 0, null), _ => ParseReal(t) }, "a number, true or false")
    {
        Min = 0,
        Max = 5,
        Numbers = v => [v],
        FromNumber = v => v,
        Option = "--augment-strength",
    });

    /// <summary>Learning-rate schedule.</summary>
    public static Hyperparameter<LrScheduleKind> LrSchedule { get; } = Choice("lr_schedule", "none, reduce_on_plateau (Keras ReduceLROnPlateau) or cosine.", HyperparameterDefaults.LrSchedule, [(LrScheduleKind.None, "none"), (LrScheduleKind.ReduceOnPlateau, "reduce_on_plateau"), (LrScheduleKind.Cosine, "cosine")], c => c.LrSchedule, (c, v) => c with { LrSchedule = v });

    /// <summary>Whether the blocks have BatchNorm.</summary>
    public static Hyperparameter<bool> BatchNorm { get; } = new(new HyperparameterShape<bool>(
        "batch_norm", ParameterKind.Bool, "Whether each block has a BatchNorm layer.", HyperparameterDefaults.BatchNorm,
        c => c.BatchNorm, (c, v) => c with { BatchNorm = v }, v => v ? "true" : "false",
        t => t switch { "true" => (true, true, null), "false" => (true, false, null), _ => (false, false, null) }, "true or false")
    {
        Option = "--no-batch-norm",
    });

    /// <summary>L2 weight decay.</summary>
    public static Hyperparameter<double> WeightDecay { get; } = Rate("weight_decay", "L2 weight decay added by the optimiser.", HyperparameterDefaults.WeightDecay, c => c.WeightDecay, (c, v) => c with { WeightDecay = v });

    /// <summary>Label smoothing of the cross-entropy loss.</summary>
    public static Hyperparameter<double> LabelSmoothing { get; } = Rate("label_smoothing", "Label smoothing of the cross-entropy loss.", HyperparameterDefaults.LabelSmoothing, c => c.LabelSmoothing, (c, v) => c with { LabelSmoothing = v });

    /// <summary>Seed of initialisation, shuffling, dropout and augmentation.</summary>
    public static Hyperparameter<int> Seed { get; } = Whole("seed", "Seed of initialisation, shuffling, dropout and augmentation.", HyperparameterDefaults.Seed, int.MinValue, int.MaxValue, c => c.Seed, (c, v) => c with { Seed = v });

    /// <summary>The BatchNorm statistics validation uses; printed only when it is not the default, so earlier configurations keep their text.</summary>
    public static Hyperparameter<BatchNormStatistics> BnStats { get; } = new(ChoiceShape(
        "bn_stats", "BatchNorm statistics validation uses: moving (Keras's moving averages, the notebook's numbers), recomputed (for the current weights before every validation, like torch's update_bn) or auto (recomputed when an epoch is too short for the moving averages to forget the previous one, else moving).",
        HyperparameterDefaults.BnStats, [(BatchNormStatistics.Auto, "auto"), (BatchNormStatistics.Moving, "moving"), (BatchNormStatistics.Recomputed, "recomputed")], c => c.BnStats, (c, v) => c with { BnStats = v })
        with { DescribedOnlyWhenSet = true });

    /// <summary>Every hyperparameter in the order configurations print them.</summary>
    public static ImmutableArray<Hyperparameter> All { get; } =
        [ConvDropout, DenseDropout, Filters, DenseUnits, KernelSize, Epochs, BatchSize, Optimizer, LearningRate, Augment, LrSchedule, BatchNorm, WeightDecay, LabelSmoothing, Seed, BnStats];

    /// <summary>The hyperparameters by name.</summary>
    public static ImmutableDictionary<string, Hyperparameter> ByName { get; } = All.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);
}
