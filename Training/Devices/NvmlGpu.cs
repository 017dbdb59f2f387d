using System.Runtime.InteropServices;

namespace AslSweep.Training.Devices;

/// <summary>
/// GPU utilisation and memory through NVML (libnvidia-ml.so.1, loaded at run time), because TorchSharp 0.107 exposes
/// no CUDA memory statistics. Where the library does not load or NVML does not initialise (no driver, no GPU),
/// <see cref="TryOpen"/> returns null with the reason, and nothing else happens.
/// </summary>
public sealed class NvmlGpu : IDisposable
{
    private const int Success = 0;
    private readonly IntPtr _library;
    private readonly DeviceGetHandleByIndex _handleByIndex;
    private readonly DeviceGetHandleByUuid _handleByUuid;
    private readonly DeviceGetUtilizationRates _utilization;
    private readonly DeviceGetMemoryInfo _memory;
    private readonly Shutdown _shutdown;

    private NvmlGpu(IntPtr library, int devices)
    {
        _library = library;
        Devices = devices;
        _handleByIndex = Export<DeviceGetHandleByIndex>("nvmlDeviceGetHandleByIndex_v2");
        _handleByUuid = Export<DeviceGetHandleByUuid>("nvmlDeviceGetHandleByUUID");
        Visible = CudaVisibleDevices.ForProcess(devices);
        _utilization = Export<DeviceGetUtilizationRates>("nvmlDeviceGetUtilizationRates");
        _memory = Export<DeviceGetMemoryInfo>("nvmlDeviceGetMemoryInfo");
        _shutdown = Export<Shutdown>("nvmlShutdown");
    }

    private delegate int Init();

    private delegate int DeviceGetCount(out uint count);

    private delegate int DeviceGetHandleByIndex(uint index, out IntPtr device);

    private delegate int DeviceGetHandleByUuid([MarshalAs(UnmanagedType.LPStr)] string uuid, out IntPtr device);

    private delegate int DeviceGetUtilizationRates(IntPtr device, out Utilization utilization);

    private delegate int DeviceGetMemoryInfo(IntPtr device, out Memory memory);

    private delegate int Shutdown();

    /// <summary>GPUs NVML sees (all of the machine's).</summary>
    public int Devices { get; }

    /// <summary>NVML's name of each CUDA device this process sees (cuda:0 first), after CUDA_VISIBLE_DEVICES.</summary>
    public IReadOnlyList<NvmlDeviceRef> Visible { get; }

    /// <summary>Opens NVML, or returns null and says why it is not available.</summary>
    public static NvmlGpu? TryOpen(out string reason)
    {
        if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out var library))
        {
            reason = "libnvidia-ml.so.1 not found (no NVIDIA driver)";
            return null;
        }

        try
        {
            var init = Marshal.GetDelegateForFunctionPointer<Init>(NativeLibrary.GetExport(library, "nvmlInit_v2"));
            var count = Marshal.GetDelegateForFunctionPointer<DeviceGetCount>(NativeLibrary.GetExport(library, "nvmlDeviceGetCount_v2"));
            if (init() != Success || count(out uint devices) != Success)
            {
                reason = "NVML did not initialise";
                NativeLibrary.Free(library);
                return null;
            }

            reason = "";
            return new NvmlGpu(library, (int)devices);
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"NVML is too old: {e.Message}";
            NativeLibrary.Free(library);
            return null;
        }
    }

    /// <summary>
    /// GPU busy fraction (0..1), memory in use and memory free (bytes) of this process's cuda:<paramref name="cudaOrdinal"/>,
    /// or null when it is not visible or NVML does not answer.
    /// </summary>
    public (double Utilization, long MemoryUsed, long MemoryFree)? Read(int cudaOrdinal)
    {
        if (cudaOrdinal < 0 || cudaOrdinal >= Visible.Count)
        {
            return null;
        }

        var target = Visible[cudaOrdinal];
        int found = target.Uuid is { } uuid ? _handleByUuid(uuid, out var device) : _handleByIndex((uint)target.Index!.Value, out device);
        if (found != Success
            || _utilization(device, out var utilization) != Success
            || _memory(device, out var memory) != Success)
        {
            return null;
        }

        return (utilization.Gpu / 100.0, (long)memory.Used, (long)memory.Free);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _shutdown();
        NativeLibrary.Free(_library);
    }

    private T Export<T>(string name)
        where T : Delegate => Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(_library, name));

    [StructLayout(LayoutKind.Sequential)]
    private struct Utilization
    {
        public uint Gpu;
        public uint MemoryBus;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }
}
