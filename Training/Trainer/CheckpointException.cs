namespace AslSweep.Training.Trainer;

/// <summary>A checkpoint exists but cannot be used (corrupt, or written by another configuration).</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
