using AslSweep.Contracts;
using AslSweep.Grains.Sweeps;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Workers;

/// <summary>Trains one attempt of a trial on one device, resuming from the trial's checkpoint when there is one.</summary>
public sealed class TorchTrialTrainer(DatasetCache cache, CheckpointStore checkpoints, IOptions<WorkerOptions> options) : ITrialTrainer
{
    /// <inheritdoc />
    public TrainingResult Run(TrialAssignment assignment, string device, ITrainingObserver observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var torchDevice = TorchDevices.Resolve(device);
        var data = cache.Load(assignment.Data);
        var config = TrialConfigMapper.ToTraining(assignment.Config);
        if (options.Value.MemoryCapMegabytes > 0)
        {
            long need = TrainingMemoryEstimate.Bytes(config, data.Train.Count, data.Valid.Count) / (1024 * 1024);
            if (need > options.Value.MemoryCapMegabytes)
            {
                throw new OutOfMemoryException($"{device} out of memory: this trial needs about {need:N0} MB, the worker's cap is {options.Value.MemoryCapMegabytes:N0} MB (AslSweep:Workers:MemoryCapMegabytes)");
            }
        }

        var (train, valid) = cache.OnDevice(data, torchDevice);
        using var session = new TrainingSession(config, torchDevice);
        var runOptions = new TrainingRunOptions
        {
            CheckpointDirectory = checkpoints.Folder(assignment.SweepId, assignment.TrialId),
            Resume = true,
            Observer = observer,
        };
        return session.Run(train, valid, runOptions, cancellation);
    }
}
