namespace AslSweep.Training.Trainer;

/// <summary>Progress within an epoch, reported after every batch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Loss">Running mean training loss of the epoch so far.</param>
/// <param name="Accuracy">Running training accuracy of the epoch so far.</param>
public sealed record BatchProgress(int Epoch, int Batch, int Batches, double Loss, double Accuracy);
