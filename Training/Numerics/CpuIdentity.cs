namespace AslSweep.Training.Numerics;

/// <summary>The CPU's model name and instruction-set flags, from /proc/cpuinfo (Linux; elsewhere the OS's word).</summary>
public static class CpuIdentity
{
    /// <summary>The flags that decide which kernels libtorch and oneDNN pick.</summary>
    public static readonly IReadOnlyList<string> KernelFlags =
        ["sse4_1", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "avx_vnni"];

    /// <summary>"AMD EPYC (family 26)" or the like.</summary>
    public static string ModelName()
    {
        string? name = Field("model name");
        string? family = Field("cpu family");
        return name is null ? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString()
            : family is null ? name : $"{name} (family {family})";
    }

    /// <summary>Which of <see cref="KernelFlags"/> the CPU reports.</summary>
    public static IReadOnlyList<string> Flags()
    {
        var flags = (Field("flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return KernelFlags.Where(flags.Contains).ToList();
    }

    private static string? Field(string name)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim() == name)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
