namespace AslSweep.Contracts;

/// <summary>A worker slot: one device (or one CPU slot) of one silo.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.WorkerInfo")]
public sealed record WorkerInfo
{
    /// <summary>The worker grain key: "silo/device/slot".</summary>
    [Id(0)]
    public string WorkerId { get; init; } = "";

    /// <summary>The silo's name (where the worker grain must live).</summary>
    [Id(1)]
    public string Silo { get; init; } = "";

    /// <summary>cpu or cuda:N.</summary>
    [Id(2)]
    public string Device { get; init; } = "cpu";

    /// <summary>Slot on the device (several small trials may share a big GPU).</summary>
    [Id(3)]
    public int Slot { get; init; }

    /// <summary>
    /// The silo's CPU backend and its numerics probe, a few words (e.g. "native: probe passed on AMD EPYC (family 26)");
    /// empty where no probe ran (simulated trainer).
    /// </summary>
    [Id(4)]
    public string CpuBackend { get; init; } = "";

    /// <summary>False when the silo's CPU backend failed its numerics probe: its NaN losses are not the trials' fault.</summary>
    [Id(5)]
    public bool NumericsTrusted { get; init; } = true;

    /// <summary>Builds the key for a silo, device and slot.</summary>
    public static string KeyFor(string silo, string device, int slot) => $"{silo}/{device}/{slot}";

    /// <summary>The silo name in a worker key.</summary>
    public static string SiloOf(string workerKey) => workerKey[..Math.Max(0, workerKey.IndexOf('/', StringComparison.Ordinal))];
}
