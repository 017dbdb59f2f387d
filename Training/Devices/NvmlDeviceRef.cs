namespace AslSweep.Training.Devices;

/// <summary>How NVML names one GPU: by its index in NVML's own (PCI bus) order, or by UUID ("GPU-...", "MIG-...").</summary>
/// <param name="Index">NVML's index, when CUDA_VISIBLE_DEVICES named an index (or is unset).</param>
/// <param name="Uuid">The UUID, when CUDA_VISIBLE_DEVICES named one.</param>
public readonly record struct NvmlDeviceRef(int? Index, string? Uuid)
{
    /// <inheritdoc />
    public override string ToString() => Uuid ?? $"nvml:{Index}";
}
