using AslSweep.Contracts;
using AslSweep.Sweeps.Specs;

namespace AslSweep.Client.Cluster;

/// <summary>The example specs shipped inside the executable (Client/Specs/*.yaml).</summary>
public static class EmbeddedSpecs
{
    /// <summary>Reads the embedded spec <paramref name="name"/> (default, full, baseline, random-lr).</summary>
    public static SweepSpec Load(string name)
    {
        using var stream = typeof(EmbeddedSpecs).Assembly.GetManifestResourceStream($"AslSweep.Specs.{name}.yaml")
            ?? throw new UsageException($"no embedded spec '{name}'");
        using var reader = new StreamReader(stream);
        return SweepSpecReader.Read(reader.ReadToEnd(), $"(embedded) {name}.yaml");
    }

    /// <summary>A spec file, or an embedded spec when <paramref name="pathOrName"/> names one and no such file exists.</summary>
    public static SweepSpec Resolve(string pathOrName) =>
        File.Exists(pathOrName) || pathOrName.Contains('.', StringComparison.Ordinal) || pathOrName.Contains('/', StringComparison.Ordinal)
            ? SweepSpecReader.ReadFile(pathOrName)
            : Load(pathOrName);
}
