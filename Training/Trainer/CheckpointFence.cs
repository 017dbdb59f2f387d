using System.Globalization;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Who owns a checkpoint folder: the highest writer number (a sweep's attempt number) that has claimed it. A writer
/// that finds a higher number there has been superseded and must not write: two attempts of one trial (after a
/// lost coordinator, or a requeue while the old attempt still ran) would otherwise overwrite each other's
/// checkpoints. Checked again just before every checkpoint replaces the last, which leaves only the moment between
/// that check and the rename (milliseconds) unfenced across processes.
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

        Claim(directory, Released);
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
    }

    /// <summary>Claims <paramref name="directory"/> for <paramref name="writer"/>; throws when a higher writer owns it.</summary>
    public static void Claim(string directory, long writer)
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

    private static long Owner(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long owner) ? owner : 0;
    }
}
