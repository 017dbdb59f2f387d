using AslSweep.Contracts;

namespace AslSweep.Grains.Workers;

/// <summary>Parses worker grain keys ("silo/device/slot").</summary>
public static class WorkerKey
{
    /// <summary>The worker described by <paramref name="key"/>.</summary>
    public static WorkerInfo Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out int slot))
        {
            throw new ArgumentException($"'{key}' is not a worker key (silo/device/slot)");
        }

        return new WorkerInfo { WorkerId = key, Silo = parts[0], Device = parts[1], Slot = slot };
    }
}
