namespace AslSweep.Training.Trainer;

/// <summary>Checkpointable state of <see cref="LearningRateScheduler"/>.</summary>
/// <param name="Current">Current rate (reduce-on-plateau).</param>
/// <param name="Best">Best validation loss seen.</param>
/// <param name="BadEpochs">Epochs since the last improvement.</param>
public sealed record LrSchedulerState(double Current, double Best, int BadEpochs);
