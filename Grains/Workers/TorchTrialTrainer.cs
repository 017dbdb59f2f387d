using AslSweep.Contracts;
using AslSweep.Grains.Telemetry;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Workers;

/// <summary>Trains one attempt of a trial on one device, resuming from the trial's checkpoint when there is one.</summary>
public sealed class TorchTrialTrainer(DatasetCache cache, CheckpointStore checkpoints, SweepMetrics metrics, IOptions<WorkerOptions> options) : ITrialTrainer
{
    /// <summary>GPUs this process has trained on: their NVML "free" no longer counts the memory libtorch keeps cached.</summary>
    private readonly HashSet<int> _gpusUsed = [];

    /// <inheritdoc />
    public TrainingResult Run(TrialAssignment assignment, string device, ITrainingObserver observer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var torchDevice = TorchDevices.Resolve(device);
        var data = cache.Load(assignment.Data);
        var config = TrainingConfig.For(assignment.Config);
        bool cuda = torchDevice.type == TorchSharp.DeviceType.CUDA;
        long need = TrainingMemoryEstimate.Bytes(config, data.Train.Count, data.Valid.Count, cuda);
        lock (_gpusUsed)
        {
            // NVML's free memory is compared only before this process's first trial on a GPU: afterwards libtorch's
            // cache holds memory this process can reuse, which NVML counts as used (the worker's cap still applies).
            long? free = cuda && !_gpusUsed.Contains(torchDevice.index) ? metrics.Gpu?.Read(torchDevice.index)?.MemoryFree : null;
            if (DeviceMemoryCheck.Problem(device, need, options.Value.MemoryCapMegabytes, free) is { } problem)
            {
                throw new OutOfMemoryException(problem);
            }

            if (cuda)
            {
                _gpusUsed.Add(torchDevice.index);
            }
        }

        var (train, valid) = cache.OnDevice(data, torchDevice);
        using var session = new TrainingSession(config, torchDevice);
        var runOptions = new TrainingRunOptions
        {
            CheckpointDirectory = checkpoints.Folder(assignment.SweepId, assignment.TrialId),
            Resume = true,
            // Fenced by the attempt number: a superseded attempt neither overwrites nor resumes a newer one's checkpoint.
            CheckpointWriter = assignment.Attempt,
            Observer = observer,
        };
        return session.Run(train, valid, runOptions, cancellation);
    }
}
