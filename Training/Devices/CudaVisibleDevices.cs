namespace AslSweep.Training.Devices;

/// <summary>
/// Which physical GPU each CUDA device of this process is. CUDA numbers only the devices CUDA_VISIBLE_DEVICES lets
/// through (cuda:0 is the first one listed), while NVML numbers every GPU of the machine, so NVML readings must be
/// looked up through this map or they describe another process's GPU. Like CUDA, the list is read up to its first
/// entry that is not a valid index or UUID (a repeated index counts as invalid). NVML orders by PCI bus; CUDA's default order is fastest first, which is
/// the same on machines of identical GPUs; set CUDA_DEVICE_ORDER=PCI_BUS_ID (the deploy files do) to make it exact.
/// </summary>
public static class CudaVisibleDevices
{
    /// <summary>The environment variable.</summary>
    public const string Variable = "CUDA_VISIBLE_DEVICES";

    /// <summary>NVML's name of cuda:0, cuda:1, ... given the variable's value and the GPUs NVML counts.</summary>
    public static IReadOnlyList<NvmlDeviceRef> Map(string? visible, int nvmlDevices)
    {
        if (visible is null)
        {
            return [.. Enumerable.Range(0, nvmlDevices).Select(i => new NvmlDeviceRef(i, null))];
        }

        var map = new List<NvmlDeviceRef>();
        foreach (string entry in visible.Split(',', StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(entry, out int index) && index >= 0 && index < nvmlDevices && !map.Contains(new NvmlDeviceRef(index, null)))
            {
                map.Add(new NvmlDeviceRef(index, null));
            }
            else if (entry.StartsWith("GPU-", StringComparison.Ordinal) || entry.StartsWith("MIG-", StringComparison.Ordinal))
            {
                map.Add(new NvmlDeviceRef(null, entry));
            }
            else
            {
                break;
            }
        }

        return map;
    }

    /// <summary>The map for this process.</summary>
    public static IReadOnlyList<NvmlDeviceRef> ForProcess(int nvmlDevices) => Map(Environment.GetEnvironmentVariable(Variable), nvmlDevices);
}
