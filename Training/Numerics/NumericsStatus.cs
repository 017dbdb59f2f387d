namespace AslSweep.Training.Numerics;

/// <summary>
/// The CPU backend a process trains with and what its numerics probe found: the one answer to "can a NaN
/// here be blamed on the configuration?".
/// </summary>
public sealed record NumericsStatus
{
    /// <summary>The backend in force.</summary>
    public CpuBackend Backend { get; init; }

    /// <summary>The backend that was asked for (setting, option or default).</summary>
    public CpuBackend Requested { get; init; }

    /// <summary>Where the request came from, e.g. "default", "--cpu-backend", "ASLSWEEP_CPU_BACKEND".</summary>
    public string RequestedBy { get; init; } = "default";

    /// <summary>The backend in force passed the probe: a NaN loss is the configuration's.</summary>
    public bool ProbePassed { get; init; }

    /// <summary>What the probe found on the backend in force.</summary>
    public string Finding { get; init; } = "";

    /// <summary>Backends that failed the probe before this one, each with its finding.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>The CPU, as /proc/cpuinfo names it.</summary>
    public string Cpu { get; init; } = "";

    /// <summary>oneDNN's instruction-set cap in force (DNNL_MAX_CPU_ISA), or null.</summary>
    public string? IsaCap { get; init; }

    /// <summary>What <see cref="HeapTuning"/> did.</summary>
    public string Heap { get; init; } = "";

    /// <summary>Time the probes took, in all.</summary>
    public TimeSpan ProbeTime { get; init; }

    /// <summary>One line: backend, probe result and CPU.</summary>
    public string Describe()
    {
        string cap = IsaCap is null ? "" : $", DNNL_MAX_CPU_ISA={IsaCap}";
        string probe = ProbePassed ? "numerics probe passed" : $"numerics probe FAILED ({Finding})";
        return $"{CpuBackends.Name(Backend)} ({CpuBackends.Meaning(Backend)}{cap}); {probe} on {Cpu} in {ProbeTime.TotalSeconds:F2} s";
    }

    /// <summary>A few words for a table cell: "native: probe passed on AMD EPYC (family 26)".</summary>
    public string Summary => $"{CpuBackends.Name(Backend)}: probe {(ProbePassed ? "passed" : "FAILED")} on {Cpu}";

    /// <summary>What a user must be told once, or null when the requested backend passed.</summary>
    public string? Warning => (ProbePassed, Rejected.Count) switch
    {
        (true, 0) => null,
        (true, _) => $"the numerics probe failed on {Cpu} for {string.Join("; ", Rejected)}; training uses {CpuBackends.Name(Backend)}, which passed",
        _ => $"on {Cpu} no CPU backend passed the numerics probe ({string.Join("; ", Rejected.Append($"{CpuBackends.Name(Backend)}: {Finding}"))}); a NaN loss here is not evidence against a configuration",
    };

    /// <summary>Why a NaN loss is or is not the configuration's, appended to a divergence message.</summary>
    public string Blame => ProbePassed
        ? $"backend {CpuBackends.Name(Backend)} passed its numerics probe on {Cpu}"
        : $"backend {CpuBackends.Name(Backend)} FAILED its numerics probe on {Cpu}: the NaN is the machine's, not the configuration's";
}
