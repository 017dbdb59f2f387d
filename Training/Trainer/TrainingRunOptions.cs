namespace AslSweep.Training.Trainer;

/// <summary>How to run a training session (not hyperparameters: nothing here changes the numbers).</summary>
public sealed record TrainingRunOptions
{
    /// <summary>Where to write a checkpoint after every epoch; null = no checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>
    /// This run's writer number for <see cref="CheckpointDirectory"/> (a sweep's attempt number): a folder claimed by a
    /// higher number is never written (<see cref="CheckpointFence"/>); null = no fence (a single <c>train</c> run).
    /// </summary>
    public long? CheckpointWriter { get; init; }

    /// <summary>Resume from the checkpoint in <see cref="CheckpointDirectory"/> when one exists.</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Progress receiver.</summary>
    public ITrainingObserver? Observer { get; init; }

    /// <summary>
    /// The process's CPU backend and its probe, which decide whether a NaN loss is <see cref="TrainingOutcome.Diverged"/>
    /// or <see cref="TrainingOutcome.NumericsFault"/>; null = <see cref="Numerics.TorchNumerics.Ensure"/>.
    /// </summary>
    public Numerics.NumericsStatus? Numerics { get; init; }
}
