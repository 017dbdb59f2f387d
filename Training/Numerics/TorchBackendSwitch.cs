namespace AslSweep.Training.Numerics;

/// <summary>
/// The real <see cref="IBackendSwitch"/>: libtorch's oneDNN switch, oneDNN's instruction-set cap in the native
/// environment, and <see cref="ConvolutionProbe"/>. <paramref name="faultyBackends"/> get a probe that sees NaN
/// (ASLSWEEP_NUMERICS_FAULT, for tests of the fallback in real processes).
/// </summary>
public sealed class TorchBackendSwitch(IReadOnlySet<CpuBackend> faultyBackends) : IBackendSwitch
{
    /// <summary>oneDNN reads either name; the newer one wins when both are set.</summary>
    private static readonly string[] IsaCapVariables = ["ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"];

    /// <inheritdoc />
    public string? IsaCapFromEnvironment => UserIsaCap();

    /// <summary>oneDNN's instruction-set cap set in this process's environment, or null.</summary>
    public static string? UserIsaCap() => IsaCapVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private string? _applyError;

    /// <inheritdoc />
    public void Apply(CpuBackend backend, string? isaCap)
    {
        try
        {
            if (isaCap is not null)
            {
                ATenSwitches.SetNativeEnvironment("DNNL_MAX_CPU_ISA", isaCap);
            }

            ATenSwitches.UseOneDnn(backend != CpuBackend.Native);
            _applyError = null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            // Another libtorch than the pinned one: the backend cannot be put in force, so its probe fails with why.
            _applyError = $"cannot switch libtorch to it: {e.Message}";
        }
    }

    /// <inheritdoc />
    public ProbeResult Probe(CpuBackend backend) => _applyError is { } error
        ? new ProbeResult(false, error, TimeSpan.Zero)
        : new ConvolutionProbe(injectFault: faultyBackends.Contains(backend)).Run();
}
