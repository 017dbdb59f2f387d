namespace AslSweep.Training.Trainer;

/// <summary>The non-tensor part of a checkpoint, stored as JSON beside the weights and optimiser state.</summary>
/// <param name="FormatVersion">Bumped when the layout changes.</param>
/// <param name="EpochsCompleted">Epochs finished; training resumes at this 0-based epoch.</param>
/// <param name="Config">The configuration that wrote it, as JSON; a resume with another configuration is refused.</param>
/// <param name="LrState">Learning-rate scheduler state.</param>
/// <param name="EarlyStopBest">Best validation loss seen by early stopping.</param>
/// <param name="EarlyStopBadEpochs">Epochs since that best.</param>
/// <param name="History">Every completed epoch's metrics.</param>
/// <param name="Hashes">SHA-256 of each tensor file, checked on load.</param>
public sealed record CheckpointState(
    int FormatVersion,
    int EpochsCompleted,
    string Config,
    LrSchedulerState LrState,
    double EarlyStopBest,
    int EarlyStopBadEpochs,
    IReadOnlyList<EpochMetrics> History,
    IReadOnlyDictionary<string, string> Hashes);
