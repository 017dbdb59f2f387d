using System.Reflection;

namespace AslSweep.Training.Numerics;

/// <summary>The torch stack this build was made against (from the Training assembly's metadata) and what loaded.</summary>
public static class TorchVersions
{
    /// <summary>libtorch's package version, e.g. 2.10.0.</summary>
    public static string LibTorch => Metadata("LibTorchVersion");

    /// <summary>TorchSharp's package version, e.g. 0.107.0.</summary>
    public static string TorchSharp => Metadata("TorchSharpVersion");

    /// <summary>cpu or cuda: the build switch -p:TorchBackend.</summary>
    public static string BuildBackend => Metadata("TorchBackend");

    /// <summary>oneDNN's version as libtorch reports it, or why it could not be read.</summary>
    public static string OneDnn()
    {
        try
        {
            string text = ATenSwitches.OneDnnVersion();
            return text.Length > 0 ? text : "unknown (libtorch returned no text)";
        }
        catch (EntryPointNotFoundException e)
        {
            return $"unknown ({e.Message})";
        }
    }

    /// <summary>Whether ATen may use oneDNN now, read back from libtorch (the switch the backend set).</summary>
    public static bool OneDnnInAten() => ATenSwitches.OneDnnEnabled();

    private static string Metadata(string key) => typeof(TorchVersions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value ?? "unknown";
}
