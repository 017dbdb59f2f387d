using AslSweep.Contracts;
using static TorchSharp.torch;

namespace AslSweep.Grains.Workers;

/// <summary>Finds a silo's workers: configured devices, else one per CUDA device (times TrialsPerDevice), else CPU slots.</summary>
public static class DeviceDiscovery
{
    /// <summary>The workers of silo <paramref name="silo"/> given <paramref name="cudaDevices"/> visible GPUs.</summary>
    public static IReadOnlyList<WorkerInfo> Discover(string silo, WorkerOptions options, int cudaDevices)
    {
        ArgumentNullException.ThrowIfNull(options);
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

    /// <summary>CUDA devices torch can use in this process (0 on a CPU build or host).</summary>
    public static int CudaDeviceCount()
    {
        try
        {
            return cuda.is_available() ? cuda.device_count() : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or InvalidOperationException)
        {
            return 0;
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
