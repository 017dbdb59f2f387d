namespace AslSweep.Training.Numerics;

/// <summary>
/// Chooses the CPU backend a process trains with: the requested one if it passes the numerics probe, else the next
/// safe one, so that a backend fault never reaches a trial as a "diverged" configuration. The fallback order keeps
/// oneDNN's instruction-set cap meaningful: it is read once, at oneDNN's first use, so the capped backend is tried
/// only before any oneDNN convolution ran (native never runs one).
/// </summary>
public sealed class BackendSelector(IBackendSwitch backends)
{
    /// <summary>The cap <see cref="CpuBackend.OneDnnSse41"/> sets.</summary>
    public const string Sse41 = "SSE41";

    /// <summary>
    /// Tries <paramref name="requested"/>, then (with <paramref name="fallback"/>) the safe ones after it, and reports
    /// what is in force. Without fallback a failed probe is reported and the backend stays (benchmarks measure it).
    /// </summary>
    public NumericsStatus Select(CpuBackend requested, string requestedBy, string cpu, bool fallback = true)
    {
        ArgumentNullException.ThrowIfNull(backends);
        string? userCap = backends.IsaCapFromEnvironment;
        var rejected = new List<string>();
        var elapsed = TimeSpan.Zero;
        NumericsStatus? last = null;
        foreach (var backend in fallback ? Candidates(requested) : [requested])
        {
            // A cap the user set is kept as it is: it applies to both oneDNN backends.
            string? cap = userCap ?? (backend == CpuBackend.OneDnnSse41 ? Sse41 : null);
            backends.Apply(backend, userCap is null ? cap : null);
            var probe = backends.Probe(backend);
            elapsed += probe.Elapsed;
            last = new NumericsStatus
            {
                Backend = backend,
                Requested = requested,
                RequestedBy = requestedBy,
                ProbePassed = probe.Passed,
                Finding = probe.Finding,
                Rejected = [.. rejected],
                Cpu = cpu,
                IsaCap = backend == CpuBackend.Native ? null : cap,
                ProbeTime = elapsed,
            };
            if (probe.Passed)
            {
                return last;
            }

            rejected.Add($"{CpuBackends.Name(backend)} ({probe.Finding})");
        }

        return last! with { Rejected = rejected.SkipLast(1).ToList() };
    }

    /// <summary>The requested backend, then the safe ones that can still take effect after it.</summary>
    public static IReadOnlyList<CpuBackend> Candidates(CpuBackend requested) => requested switch
    {
        CpuBackend.Native => [CpuBackend.Native, CpuBackend.OneDnnSse41],
        CpuBackend.OneDnnSse41 => [CpuBackend.OneDnnSse41, CpuBackend.Native],
        _ => [CpuBackend.OneDnn, CpuBackend.Native],
    };
}
