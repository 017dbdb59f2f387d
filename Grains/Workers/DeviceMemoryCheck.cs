namespace AslSweep.Grains.Workers;

/// <summary>Whether a trial fits its device: the worker's cap (MB, 0 = none) and, on a GPU, the memory NVML reports free.</summary>
public static class DeviceMemoryCheck
{
    /// <summary>Why a trial needing <paramref name="needBytes"/> does not fit, or null when it does.</summary>
    public static string? Problem(string device, long needBytes, int capMegabytes, long? freeBytes)
    {
        long need = needBytes >> 20;
        if (capMegabytes > 0 && need > capMegabytes)
        {
            return $"{device} out of memory: this trial needs about {need:N0} MB, the worker's cap is {capMegabytes:N0} MB ({WorkerOptions.Section}:MemoryCapMegabytes)";
        }

        if (freeBytes is { } free && needBytes > free)
        {
            return $"{device} out of memory: this trial needs about {need:N0} MB, NVML reports {free >> 20:N0} MB free on the device";
        }

        return null;
    }
}
