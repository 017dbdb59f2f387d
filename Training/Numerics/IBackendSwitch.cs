namespace AslSweep.Training.Numerics;

/// <summary>Puts a CPU backend in force and probes it: libtorch's switches in production, a fake in tests.</summary>
public interface IBackendSwitch
{
    /// <summary>oneDNN's instruction-set cap already set in the environment by the user, or null.</summary>
    string? IsaCapFromEnvironment { get; }

    /// <summary>
    /// Puts <paramref name="backend"/> in force. <paramref name="isaCap"/> is oneDNN's cap to set, if any; it takes
    /// effect only before oneDNN's first use in the process.
    /// </summary>
    void Apply(CpuBackend backend, string? isaCap);

    /// <summary>Probes the backend in force.</summary>
    ProbeResult Probe(CpuBackend backend);
}
