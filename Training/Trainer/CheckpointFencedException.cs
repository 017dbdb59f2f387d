namespace AslSweep.Training.Trainer;

/// <summary>A newer writer owns the checkpoint folder: this run was superseded and stops without writing.</summary>
public sealed class CheckpointFencedException(string message) : Exception(message);
