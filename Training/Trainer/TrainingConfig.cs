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
    public int Epochs { get; init; } = 20;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.RmsProp;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay added by the optimiser.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Label smoothing of the cross-entropy loss.</summary>
    public double LabelSmoothing { get; init; }

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
    public BatchNormStatistics BatchNormStatistics { get; init; } = BatchNormStatistics.Auto;

    /// <summary>Seed of initialisation, shuffling, dropout and augmentation.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Every problem with this configuration, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Model.Validate());
        if (Epochs is < 1 or > 10_000)
        {
            problems.Add($"epochs: {Epochs} is outside [1, 10000]");
        }

        if (BatchSize is < 1 or > 65_536)
        {
            problems.Add($"batch_size: {BatchSize} is outside [1, 65536]");
        }

        if (!(LearningRate > 0 && LearningRate <= 10))
        {
            problems.Add($"learning_rate: {LearningRate} is outside (0, 10]");
        }

        if (!(Momentum >= 0 && Momentum < 1))
        {
            problems.Add($"momentum: {Momentum} is outside [0, 1)");
        }

        if (!(WeightDecay >= 0 && WeightDecay < 1))
        {
            problems.Add($"weight_decay: {WeightDecay} is outside [0, 1)");
        }

        if (!(LabelSmoothing >= 0 && LabelSmoothing < 1))
        {
            problems.Add($"label_smoothing: {LabelSmoothing} is outside [0, 1)");
        }

        if (!(Augmentation.Strength >= 0 && Augmentation.Strength <= 5))
        {
            problems.Add($"augment.strength: {Augmentation.Strength} is outside [0, 5]");
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
