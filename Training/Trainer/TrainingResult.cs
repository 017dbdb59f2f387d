namespace AslSweep.Training.Trainer;

/// <summary>The outcome of a run and every epoch it completed (including those restored from a checkpoint).</summary>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Epochs">The full curve, epoch 1 first.</param>
/// <param name="Message">A sentence for a person: why it ended the way it did.</param>
public sealed record TrainingResult(TrainingOutcome Outcome, IReadOnlyList<EpochMetrics> Epochs, string Message);
