namespace AslSweep.Training.Numerics;

/// <summary>
/// The process's CPU backend, chosen and probed once before libtorch's first convolution. libtorch's switches are
/// process-wide, so this is the one piece of static state: whatever builds a model or a device calls
/// <see cref="Ensure"/> (the SignCnn constructor, TorchDevices.Resolve), hosts may call
/// <see cref="Request"/> before that. Without a request, ASLSWEEP_CPU_BACKEND is read, else
/// <see cref="CpuBackend.Native"/>; an oneDNN instruction-set cap the user set (DNNL_MAX_CPU_ISA) with no backend
/// named means <see cref="CpuBackend.OneDnn"/> under that cap. The same first call tunes the heap
/// (<see cref="HeapTuning"/>), the other process-wide setting training depends on.
/// </summary>
public static class TorchNumerics
{
    /// <summary>Environment variable naming the backend (<see cref="CpuBackends.Names"/>).</summary>
    public const string BackendVariable = "ASLSWEEP_CPU_BACKEND";

    /// <summary>Environment variable listing backends whose probe is made to fail (tests of the fallback).</summary>
    public const string FaultVariable = "ASLSWEEP_NUMERICS_FAULT";

    private static readonly Lock Gate = new();
    private static (CpuBackend Backend, string By, bool Fallback)? _request;
    private static volatile NumericsStatus? _status;

    /// <summary>The status once chosen, else null (read without waiting for a probe in progress: metrics scrapes call it).</summary>
    public static NumericsStatus? Current => _status;

    /// <summary>
    /// Asks for <paramref name="backend"/> (from <paramref name="by"/>, e.g. "--cpu-backend"). Too late once chosen
    /// for another backend: throws <see cref="InvalidOperationException"/> saying so. Without
    /// <paramref name="fallback"/> the backend stays even if it fails its probe (for benchmarks of every backend).
    /// </summary>
    public static void Request(CpuBackend backend, string by, bool fallback = true)
    {
        lock (Gate)
        {
            if (_status is not null && _status.Requested != backend)
            {
                throw new InvalidOperationException($"{by}: the CPU backend was already chosen in this process ({CpuBackends.Name(_status.Requested)}, by {_status.RequestedBy})");
            }

            _request = (backend, by, fallback);
        }
    }

    /// <summary>Chooses, applies and probes the backend on first call; returns the status.</summary>
    public static NumericsStatus Ensure()
    {
        lock (Gate)
        {
            return _status ??= Choose();
        }
    }

    private static NumericsStatus Choose()
    {
        var (backend, by, fallback) = _request ?? FromEnvironment();
        var faulty = ParseFaults(Environment.GetEnvironmentVariable(FaultVariable));
        string heap = HeapTuning.Apply();
        return new BackendSelector(new TorchBackendSwitch(faulty)).Select(backend, by, CpuIdentity.ModelName(), fallback) with { Heap = heap };
    }

    private static (CpuBackend, string, bool) FromEnvironment()
    {
        string? named = Environment.GetEnvironmentVariable(BackendVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return CpuBackends.TryParse(named, out var backend)
                ? (backend, BackendVariable, true)
                : throw new ArgumentException($"{BackendVariable}={named}: expected one of {CpuBackends.Names}");
        }

        string? userCap = TorchBackendSwitch.UserIsaCap();
        return userCap is null ? (CpuBackend.Native, "default", true) : (CpuBackend.OneDnn, $"DNNL_MAX_CPU_ISA={userCap} in the environment", true);
    }

    /// <summary>Parses a comma-separated list of backend names; unknown names are an error naming the variable.</summary>
    public static IReadOnlySet<CpuBackend> ParseFaults(string? text)
    {
        var faulty = new HashSet<CpuBackend>();
        foreach (string name in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            faulty.Add(CpuBackends.TryParse(name, out var backend) ? backend : throw new ArgumentException($"{FaultVariable}={text}: '{name}' is not one of {CpuBackends.Names}"));
        }

        return faulty;
    }
}
