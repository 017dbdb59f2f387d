// Shared by the MSBuild inline task (LibTorchSharpCompat.targets) and the unit tests.
// Why: TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and asks for
// GLIBCXX_3.4.32 for one symbol, std::ios_base_library_init(), which <iostream> references but never
// calls. Marking that one version requirement weak (VER_FLG_WEAK in .gnu.version_r) lets glibc's
// loader accept an older libstdc++ (GCC 12 on Debian 12); the lazily bound symbol is never resolved.
#nullable enable
#pragma warning disable IDE0005 // MSBuild compiles this file as an inline task, without implicit usings.
using System;
using System.IO;
using System.Text;

namespace AslSweep.Build;

/// <summary>What <see cref="ElfVersionNeedPatcher.Weaken"/> found and did.</summary>
public enum ElfPatchOutcome
{
    /// <summary>The requirement was strong and is now weak.</summary>
    Patched,
    /// <summary>The requirement was already weak; nothing written.</summary>
    AlreadyWeak,
    /// <summary>The file does not require that version; nothing written.</summary>
    NotRequired,
}

/// <summary>Edits the flags of one Vernaux entry of an ELF64 little-endian shared object.</summary>
public static class ElfVersionNeedPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Reads the flags of the Vernaux entry named <paramref name="version"/>, or null when absent.</summary>
    public static ushort? ReadFlags(byte[] elf, string version)
    {
        int offset = FindVernauxFlagsOffset(elf, version);
        return offset < 0 ? null : BitConverter.ToUInt16(elf, offset);
    }

    /// <summary>Sets VER_FLG_WEAK on the requirement <paramref name="version"/> in the bytes of an ELF file.</summary>
    public static ElfPatchOutcome Weaken(byte[] elf, string version)
    {
        int offset = FindVernauxFlagsOffset(elf, version);
        if (offset < 0)
        {
            return ElfPatchOutcome.NotRequired;
        }

        ushort flags = BitConverter.ToUInt16(elf, offset);
        if ((flags & VerFlgWeak) != 0)
        {
            return ElfPatchOutcome.AlreadyWeak;
        }

        flags |= VerFlgWeak;
        elf[offset] = (byte)(flags & 0xff);
        elf[offset + 1] = (byte)(flags >> 8);
        return ElfPatchOutcome.Patched;
    }

    /// <summary>
    /// Patches a file in place through a temporary file and a rename, so that a hard link into the
    /// NuGet cache is replaced rather than written through.
    /// </summary>
    public static ElfPatchOutcome WeakenFile(string path, string version)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ElfPatchOutcome outcome = Weaken(bytes, version);
        if (outcome == ElfPatchOutcome.Patched)
        {
            string temp = path + ".aslsweep-tmp";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
        }

        return outcome;
    }

    /// <summary>True when <paramref name="library"/> (a libstdc++) defines the symbol version <paramref name="version"/>.</summary>
    public static bool DefinesVersion(string library, string version)
    {
        byte[] bytes = File.ReadAllBytes(library);
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        return IndexOf(bytes, needle) >= 0;
    }

    private static int FindVernauxFlagsOffset(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
        }

        long shoff = checked((long)BitConverter.ToUInt64(elf, 0x28));
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (i * shentsize)));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed)
            {
                continue;
            }

            int verneed = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            int strtabIndex = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int entries = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            int strtabHeader = checked((int)(shoff + (strtabIndex * shentsize)));
            int strtab = checked((int)BitConverter.ToUInt64(elf, strtabHeader + 0x18));

            int need = verneed;
            for (int n = 0; n < entries; n++)
            {
                int count = BitConverter.ToUInt16(elf, need + 2);
                int aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (int a = 0; a < count; a++)
                {
                    int name = strtab + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (ReadCString(elf, name) == version)
                    {
                        return aux + 4;
                    }

                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }

                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }

        return -1;
    }

    private static string ReadCString(byte[] bytes, int start)
    {
        int end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}

#if !ASLSWEEP_NO_MSBUILD_TASK
/// <summary>
/// MSBuild task: weakens the GLIBCXX requirement of the given copies of libLibTorchSharp.so when, and
/// only when, the system libstdc++ lacks that version.
/// </summary>
public sealed class WeakenLibStdCxxRequirement : Microsoft.Build.Utilities.Task
{
    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    [Microsoft.Build.Framework.Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        if (Libraries.Length == 0 || Environment.OSVersion.Platform != PlatformID.Unix)
        {
            return true;
        }

        string? system = Array.Find(LibStdCxxCandidates, File.Exists);
        if (system != null && ElfVersionNeedPatcher.DefinesVersion(system, Version))
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0} defines {1}: LibTorchSharp left as shipped.", system, Version);
            return true;
        }

        foreach (var item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                ElfPatchOutcome outcome = ElfVersionNeedPatcher.WeakenFile(path, Version);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "AslSweep: {0}: {1} requirement {2} (system libstdc++ {3} lacks it).", path, Version, outcome, system ?? "not found");
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                Log.LogError("AslSweep: could not make {0} load on this host's older libstdc++ (weakening {1} failed: {2}). See README, Troubleshooting.", path, Version, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }
}
#endif
