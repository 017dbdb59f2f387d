using AslSweep.Contracts;
using AslSweep.Training.Trainer;

namespace AslSweep.Grains.Workers;

/// <summary>Trains one attempt of a trial on a worker's device.</summary>
public interface ITrialTrainer
{
    /// <summary>Runs synchronously on the calling thread (TorchSharp dispose scopes are thread-local); resumes from the trial's checkpoint.</summary>
    TrainingResult Run(TrialAssignment assignment, string device, ITrainingObserver observer, CancellationToken cancellation);
}
