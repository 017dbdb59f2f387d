using AslSweep.Contracts;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace AslSweep.Grains.Workers;

/// <summary>Finds a silo's workers: configured devices, else one per CUDA device (times TrialsPerDevice), else CPU slots.</summary>
public static class DeviceDiscovery
{
    /// <summary>
    /// The workers of silo <paramref name="silo"/> given <paramref name="cudaDevices"/> usable GPUs. A CUDA build
    /// (<paramref name="buildBackend"/> "cuda") that finds none refuses to start CPU workers in their place unless
    /// the devices are configured: a GPU host whose driver or CUDA libraries failed must not train on its CPU unseen.
    /// </summary>
    public static IReadOnlyList<WorkerInfo> Discover(string silo, WorkerOptions options, int cudaDevices, string buildBackend = "cpu", string? cudaProblem = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (buildBackend == "cuda" && cudaDevices == 0 && options.Devices.Count == 0)
        {
            throw new OptionsValidationException(
                $"{WorkerOptions.Section}:Devices",
                typeof(WorkerOptions),
                [$"this is a CUDA build (-p:TorchBackend=cuda) but CUDA cannot be used here ({cudaProblem ?? "torch.cuda.is_available() is false"}); set {WorkerOptions.Section}:Devices to cpu to train on the CPU deliberately"]);
        }

        IEnumerable<string> devices = options.Devices.Count > 0 ? options.Devices
            : cudaDevices > 0 ? Enumerable.Range(0, cudaDevices).SelectMany(i => Enumerable.Repeat($"cuda:{i}", options.TrialsPerDevice))
            : Enumerable.Repeat("cpu", options.CpuSlots);
        var slots = new Dictionary<string, int>();
        var workers = new List<WorkerInfo>();
        foreach (string device in devices)
        {
            int slot = slots.GetValueOrDefault(device);
            slots[device] = slot + 1;
            workers.Add(new WorkerInfo { WorkerId = WorkerInfo.KeyFor(silo, device, slot), Silo = silo, Device = device, Slot = slot });
        }

        return workers;
    }

    /// <summary>CUDA devices torch can use in this process (0 on a CPU build or host), and why none when none.</summary>
    public static (int Count, string? Problem) CudaDevices()
    {
        try
        {
            return cuda.is_available() ? (cuda.device_count(), null) : (0, "torch.cuda.is_available() is false: no driver, no GPU, or a CPU libtorch");
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or InvalidOperationException)
        {
            return (0, e.Message);
        }
    }

    /// <summary>Torch threads: configured, or the cores divided among the CPU workers (at least 1).</summary>
    public static int TorchThreads(WorkerOptions options, IReadOnlyList<WorkerInfo> workers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workers);
        if (options.TorchThreads > 0)
        {
            return options.TorchThreads;
        }

        int cpuWorkers = Math.Max(1, workers.Count(w => w.Device == "cpu"));
        return Math.Max(1, Environment.ProcessorCount / cpuWorkers);
    }
}
