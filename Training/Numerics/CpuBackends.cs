namespace AslSweep.Training.Numerics;

/// <summary>The one spelling of each <see cref="CpuBackend"/>, parsed and printed here only.</summary>
public static class CpuBackends
{
    private static readonly (CpuBackend Backend, string Name, string Meaning)[] Table =
    [
        (CpuBackend.Native, "native", "ATen's own kernels, oneDNN and NNPACK off"),
        (CpuBackend.OneDnn, "onednn", "libtorch's default, oneDNN at the CPU's best instruction set"),
        (CpuBackend.OneDnnSse41, "onednn-sse41", "oneDNN capped at SSE4.1"),
    ];

    /// <summary>Every accepted name, for messages: "native, onednn, onednn-sse41".</summary>
    public static string Names => string.Join(", ", Table.Select(t => t.Name));

    /// <summary>The name of <paramref name="backend"/>.</summary>
    public static string Name(CpuBackend backend) => Table.First(t => t.Backend == backend).Name;

    /// <summary>What <paramref name="backend"/> means, in a few words.</summary>
    public static string Meaning(CpuBackend backend) => Table.First(t => t.Backend == backend).Meaning;

    /// <summary>Parses a name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out CpuBackend backend)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                backend = entry.Backend;
                return true;
            }
        }

        backend = default;
        return false;
    }
}
