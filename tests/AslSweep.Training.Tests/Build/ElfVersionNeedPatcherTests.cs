using System.Diagnostics;
using AslSweep.Build;

namespace AslSweep.Training.Tests.Build;

/// <summary>The libstdc++ compatibility edit, on the real libLibTorchSharp.so shipped in the TorchSharp package.</summary>
public sealed class ElfVersionNeedPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string? Original()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    [SkippableFact]
    public void Weaken_shippedLibrary_setsOnlyTheWeakFlagOfThatRequirement()
    {
        string? original = Original();
        Skip.If(original is null, "TorchSharp package not in the NuGet cache");
        byte[] before = File.ReadAllBytes(original);
        byte[] after = (byte[])before.Clone();

        Assert.Equal((ushort)0, ElfVersionNeedPatcher.ReadFlags(before, Version));
        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionNeedPatcher.Weaken(after, Version));

        Assert.Equal((ushort)2, ElfVersionNeedPatcher.ReadFlags(after, Version));
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Single(changed);
        Assert.Equal(ElfPatchOutcome.AlreadyWeak, ElfVersionNeedPatcher.Weaken(after, Version));
        Assert.Equal((ushort)0, ElfVersionNeedPatcher.ReadFlags(after, "GLIBCXX_3.4.21"));
    }

    [SkippableFact]
    public void WeakenFile_copy_isSeenWeakByReadelfAndLeavesOriginalAlone()
    {
        string? original = Original();
        Skip.If(original is null, "TorchSharp package not in the NuGet cache");
        string copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-{Guid.NewGuid():N}.so");
        File.Copy(original, copy);
        try
        {
            Assert.Equal(ElfPatchOutcome.Patched, ElfVersionNeedPatcher.WeakenFile(copy, Version));

            Assert.Equal((ushort)0, ElfVersionNeedPatcher.ReadFlags(File.ReadAllBytes(original), Version));
            string? readelf = Readelf(copy);
            Skip.If(readelf is null, "readelf not installed");
            Assert.Contains($"Name: {Version}  Flags: WEAK", readelf, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void Weaken_absentVersion_isNotRequired()
    {
        string? original = Original();
        byte[] bytes = original is null ? MinimalElf() : File.ReadAllBytes(original);

        Assert.Equal(ElfPatchOutcome.NotRequired, ElfVersionNeedPatcher.Weaken(bytes, "GLIBCXX_9.9.99"));
    }

    [Fact]
    public void Weaken_notElf_throwsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.Weaken(new byte[128], Version));
    }

    [SkippableFact]
    public void BuildOutput_onOldLibStdCxx_isPatchedElseUntouched()
    {
        string built = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Skip.IfNot(File.Exists(built), "no native TorchSharp library in the test output");
        string system = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        Skip.IfNot(File.Exists(system), "system libstdc++ not at the Debian path");

        bool systemHasIt = ElfVersionNeedPatcher.DefinesVersion(system, Version);
        ushort? flags = ElfVersionNeedPatcher.ReadFlags(File.ReadAllBytes(built), Version);

        Assert.Equal(systemHasIt ? (ushort)0 : (ushort)2, flags);
    }

    private static byte[] MinimalElf()
    {
        var bytes = new byte[64];
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2;
        bytes[5] = 1;
        return bytes;
    }

    private static string? Readelf(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("readelf", ["-V", path]) { RedirectStandardOutput = true })!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
