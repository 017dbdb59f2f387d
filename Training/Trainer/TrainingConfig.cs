using System.Text.Json.Serialization;
using AslSweep.Training.Model;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Every hyperparameter of one training run, immutable. Defaults are the notebook's: RMSprop with Keras's
/// defaults, batch 32, 20 epochs, no augmentation.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>The model architecture.</summary>
    public CnnConfig Model { get; init; } = new();

    /// <summary>Epochs to train.</summary>
    public int Epochs { get; init; } = HyperparameterDefaults.Epochs;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = HyperparameterDefaults.BatchSize;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = HyperparameterDefaults.Optimizer;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = HyperparameterDefaults.LearningRate;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay added by the optimiser.</summary>
    public double WeightDecay { get; init; } = HyperparameterDefaults.WeightDecay;

    /// <summary>Label smoothing of the cross-entropy loss.</summary>
    public double LabelSmoothing { get; init; } = HyperparameterDefaults.LabelSmoothing;

    /// <summary>Data augmentation.</summary>
    public AugmentationOptions Augmentation { get; init; } = AugmentationOptions.Off;

    /// <summary>Learning-rate schedule.</summary>
    public LrScheduleOptions LrSchedule { get; init; } = new();

    /// <summary>Stop after this many epochs without a validation-loss improvement; 0 = never.</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>
    /// The BatchNorm statistics validation uses: Keras's moving averages (the notebook's numbers),
    /// statistics recomputed for the current weights before every validation, or (the default) whichever of
    /// the two fits the epoch length (<see cref="BatchNormStatisticsChoice"/>).
    /// </summary>
    /// <remarks>
    /// <see cref="BatchNormStatistics.Moving"/> is left out of the JSON, so a checkpoint written before the
    /// choice existed still resumes with <c>moving</c> and is refused with another choice.
    /// </remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public BatchNormStatistics BatchNormStatistics { get; init; } = HyperparameterDefaults.BnStats;

    /// <summary>Seed of initialisation, shuffling, dropout and augmentation.</summary>
    public int Seed { get; init; } = HyperparameterDefaults.Seed;

    /// <summary>
    /// The training run of one trial: the one place a hyperparameter meets the model and the trainer. Conv dropout
    /// goes into the second block, as in the notebook (the first when there is one block).
    /// </summary>
    public static TrainingConfig For(TrialConfig trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new TrainingConfig
        {
            Model = new CnnConfig
            {
                Filters = [.. trial.Filters],
                KernelSize = trial.KernelSize,
                ConvDropout = trial.ConvDropout,
                DenseDropout = trial.DenseDropout,
                DenseUnits = trial.DenseUnits,
                BatchNorm = trial.BatchNorm,
                ConvDropoutBlocks = trial.Filters.Length > 1 ? [1] : [0],
            },
            Epochs = trial.Epochs,
            BatchSize = trial.BatchSize,
            Optimizer = trial.Optimizer,
            LearningRate = trial.LearningRate,
            WeightDecay = trial.WeightDecay,
            LabelSmoothing = trial.LabelSmoothing,
            Augmentation = trial.Augment > 0 ? AugmentationOptions.Standard with { Strength = trial.Augment } : AugmentationOptions.Off,
            LrSchedule = new LrScheduleOptions { Kind = trial.LrSchedule },
            BatchNormStatistics = trial.BnStats,
            Seed = trial.Seed,
        };
    }

    /// <summary>Every problem with this configuration, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Model.Validate());
        CnnConfig.Add(problems, Hyperparameters.Epochs, Epochs);
        CnnConfig.Add(problems, Hyperparameters.BatchSize, BatchSize);
        CnnConfig.Add(problems, Hyperparameters.LearningRate, LearningRate);
        CnnConfig.Add(problems, Hyperparameters.WeightDecay, WeightDecay);
        CnnConfig.Add(problems, Hyperparameters.LabelSmoothing, LabelSmoothing);
        CnnConfig.Add(problems, Hyperparameters.Seed, Seed);
        CnnConfig.Add(problems, Hyperparameters.Augment, Augmentation.Enabled ? Augmentation.Strength : 0);

        if (!(Momentum >= 0 && Momentum < 1))
        {
            problems.Add($"momentum: {Momentum} is outside [0, 1)");
        }

        if (!(LrSchedule.Factor > 0 && LrSchedule.Factor < 1))
        {
            problems.Add($"lr_schedule.factor: {LrSchedule.Factor} is outside (0, 1)");
        }

        if (EarlyStoppingPatience < 0)
        {
            problems.Add($"early_stopping_patience: {EarlyStoppingPatience} is negative");
        }

        return problems;
    }
}
