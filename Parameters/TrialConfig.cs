using System.Collections.Immutable;

namespace AslSweep.Parameters;

/// <summary>
/// Every hyperparameter of one trial, typed; a new instance holds the course notebook's values. Equality,
/// hashing and text all go through <see cref="Hyperparameters"/>, so a parameter added there takes part in each.
/// </summary>
public sealed record TrialConfig
{
    /// <summary>The course notebook's configuration.</summary>
    public static TrialConfig Notebook { get; } = new();

    /// <summary>Dropout after the second convolution block.</summary>
    public double ConvDropout { get; init; } = HyperparameterDefaults.ConvDropout;

    /// <summary>Dropout after the hidden dense layer.</summary>
    public double DenseDropout { get; init; } = HyperparameterDefaults.DenseDropout;

    /// <summary>Filters per convolution block.</summary>
    public ImmutableArray<int> Filters { get; init; } = Hyperparameters.Filters.Default;

    /// <summary>Units of the hidden dense layer.</summary>
    public int DenseUnits { get; init; } = HyperparameterDefaults.DenseUnits;

    /// <summary>Convolution kernel side.</summary>
    public int KernelSize { get; init; } = HyperparameterDefaults.KernelSize;

    /// <summary>Epochs to train.</summary>
    public int Epochs { get; init; } = HyperparameterDefaults.Epochs;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = HyperparameterDefaults.BatchSize;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = HyperparameterDefaults.Optimizer;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = HyperparameterDefaults.LearningRate;

    /// <summary>Augmentation strength; 0 = off, 1 = the course's ranges.</summary>
    public double Augment { get; init; } = HyperparameterDefaults.Augment;

    /// <summary>Learning-rate schedule.</summary>
    public LrScheduleKind LrSchedule { get; init; } = HyperparameterDefaults.LrSchedule;

    /// <summary>Whether the blocks have BatchNorm.</summary>
    public bool BatchNorm { get; init; } = HyperparameterDefaults.BatchNorm;

    /// <summary>Seed of the trial's randomness.</summary>
    public int Seed { get; init; } = HyperparameterDefaults.Seed;

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; } = HyperparameterDefaults.WeightDecay;

    /// <summary>Label smoothing.</summary>
    public double LabelSmoothing { get; init; } = HyperparameterDefaults.LabelSmoothing;

    /// <summary>The BatchNorm statistics validation uses.</summary>
    public BatchNormStatistics BnStats { get; init; } = HyperparameterDefaults.BnStats;

    /// <summary>Value equality over every hyperparameter (the filters element by element).</summary>
    public bool Equals(TrialConfig? other) => other is not null && Hyperparameters.All.All(p => p.SameIn(this, other));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var parameter in Hyperparameters.All)
        {
            hash.Add(parameter.HashIn(this));
        }

        return hash.ToHashCode();
    }

    /// <summary>Every hyperparameter's name and canonical text, in <see cref="Hyperparameters.All"/>'s order.</summary>
    public IEnumerable<(Hyperparameter Parameter, string Value)> Values() =>
        Hyperparameters.All.Select(p => (p, p.Text(this)));

    /// <summary>
    /// Every parameter as name=value in the spec's names, for people and files; parameters printed only when set
    /// (bn_stats) are left out at their default, so earlier configurations keep their text.
    /// </summary>
    public string Describe() => string.Join(' ', Values()
        .Where(v => !(v.Parameter.DescribedOnlyWhenSet && v.Parameter.IsDefaultIn(this)))
        .Select(v => $"{v.Parameter.Name}={v.Value}"));
}
