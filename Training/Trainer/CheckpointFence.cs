using System.Globalization;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Who owns a checkpoint folder: the highest writer number (a sweep's attempt number) that has claimed it. A writer
/// that finds a higher number there has been superseded and must not write: two attempts of one trial (after a
/// lost coordinator, or a requeue while the old attempt still ran) would otherwise overwrite each other's
/// checkpoints. Checked again just before every checkpoint replaces the last, which leaves only the moment between
/// that check and the rename: <see cref="CheckThen"/> holds the folder's lock (an advisory file lock beside it, so
/// across processes on one machine too) over both, and <see cref="Claim"/> and <see cref="Release"/> take the same lock.
/// </summary>
public static class CheckpointFence
{
    /// <summary>The file in the checkpoint folder holding the owner's number.</summary>
    public const string FileName = "writer";

    /// <summary>The owner of a folder whose checkpoints were deleted for good: every writer is fenced out.</summary>
    public const long Released = long.MaxValue;

    /// <summary>
    /// Deletes <paramref name="directory"/>'s checkpoints and leaves only the fence, owned by <see cref="Released"/>:
    /// an attempt still running somewhere (a stopped trial finishing its batch) cannot write them back.
    /// </summary>
    public static void Release(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        // Under the lock: a writer between its check and its rename would otherwise put a checkpoint back.
        Exclusive(directory, () =>
        {
            ClaimHeld(directory, Released);
            foreach (string entry in Directory.EnumerateFileSystemEntries(directory).Where(e => Path.GetFileName(e) != FileName))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        });
    }

    /// <summary>Claims <paramref name="directory"/> for <paramref name="writer"/>; throws when a higher writer owns it.</summary>
    public static void Claim(string directory, long writer) => Exclusive(directory, () => ClaimHeld(directory, writer));

    /// <summary>
    /// Checks that <paramref name="writer"/> still owns <paramref name="directory"/> and runs <paramref name="replace"/>
    /// (a checkpoint's renames) under the folder's lock: no newer writer's claim and no release can fall in between.
    /// </summary>
    public static void CheckThen(string directory, long writer, Action replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        Exclusive(directory, () =>
        {
            Check(directory, writer);
            replace();
        });
    }

    /// <summary>Throws <see cref="CheckpointFencedException"/> when a higher writer than <paramref name="writer"/> owns <paramref name="directory"/>.</summary>
    public static void Check(string directory, long writer)
    {
        long owner = Owner(directory);
        if (owner == Released && writer != Released)
        {
            throw new CheckpointFencedException($"{directory}: the checkpoints were released (keep_checkpoints) after the trial ended; attempt {writer} stops without writing");
        }

        if (owner > writer)
        {
            throw new CheckpointFencedException($"{directory}: attempt {writer} was superseded by attempt {owner}, which owns this checkpoint; it stops without writing");
        }
    }

    private static void ClaimHeld(string directory, long writer)
    {
        Check(directory, writer);
        if (Owner(directory) < writer)
        {
            Directory.CreateDirectory(directory);
            string temp = Path.Combine(directory, $".{FileName}-{Guid.NewGuid():N}");
            File.WriteAllText(temp, writer.ToString(CultureInfo.InvariantCulture));
            File.Move(temp, Path.Combine(directory, FileName), overwrite: true);
        }
    }

    // The lock is a file beside the folder (inside, a release would have to spare it and a rename could not replace
    // it): opened without sharing, which .NET takes as an exclusive flock on Unix, held by another process or thread
    // until it closes it. Waits up to LockPatience; a writer holds it for a few renames.
    private static void Exclusive(string directory, Action action)
    {
        string full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var deadline = DateTime.UtcNow + LockPatience;
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                held = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }

        using (held)
        {
            action();
        }
    }

    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(30);

    private static long Owner(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long owner) ? owner : 0;
    }
}
