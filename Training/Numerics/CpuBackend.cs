namespace AslSweep.Training.Numerics;

/// <summary>
/// Which kernels libtorch uses for convolutions on the CPU. A process has one (libtorch's switches are
/// process-wide); see <see cref="TorchNumerics"/>. Spelled on the command line and in settings as
/// <see cref="CpuBackends.Name"/> gives.
/// </summary>
public enum CpuBackend
{
    /// <summary>ATen's own kernels (im2col and BLAS): oneDNN and NNPACK switched off for ATen. The default.</summary>
    Native = 0,

    /// <summary>libtorch's default: oneDNN convolutions at the best instruction set the CPU offers.</summary>
    OneDnn = 1,

    /// <summary>oneDNN capped at SSE4.1 (DNNL_MAX_CPU_ISA=SSE41): no AVX kernels.</summary>
    OneDnnSse41 = 2,
}
