using AslSweep.Contracts;
using AslSweep.Training.Model;
using AslSweep.Training.Trainer;

namespace AslSweep.Grains.Sweeps;

/// <summary>Maps the wire configuration of a trial onto the training core's configuration.</summary>
public static class TrialConfigMapper
{
    /// <summary>The training configuration of <paramref name="trial"/>.</summary>
    public static TrainingConfig ToTraining(TrialConfig trial)
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
            Optimizer = trial.Optimizer switch
            {
                "adam" => OptimizerKind.Adam,
                "sgd" => OptimizerKind.Sgd,
                _ => OptimizerKind.RmsProp,
            },
            LearningRate = trial.LearningRate,
            WeightDecay = trial.WeightDecay,
            LabelSmoothing = trial.LabelSmoothing,
            Augmentation = trial.Augment > 0 ? AugmentationOptions.Standard with { Strength = trial.Augment } : AugmentationOptions.Off,
            LrSchedule = new LrScheduleOptions
            {
                Kind = trial.LrSchedule switch
                {
                    "reduce_on_plateau" => LrScheduleKind.ReduceOnPlateau,
                    "cosine" => LrScheduleKind.Cosine,
                    _ => LrScheduleKind.None,
                },
            },
            BatchNormStatistics = trial.BnStats switch
            {
                "moving" => BatchNormStatistics.Moving,
                "recomputed" => BatchNormStatistics.Recomputed,
                _ => BatchNormStatistics.Auto,
            },
            Seed = trial.Seed,
        };
    }
}
