using AslSweep.Training.Trainer;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Workers;

/// <summary>
/// Where trials' checkpoints live: <c>{CheckpointRoot}/{sweep}/trial-{n}</c> (a shared volume in a multi-node
/// cluster). One place for the path, so that the trainer writing a checkpoint and the coordinator releasing it
/// cannot disagree, and so that neither can leave the root whatever a sweep id says.
/// </summary>
public sealed class CheckpointStore(IOptions<WorkerOptions> options)
{
    /// <summary>The folder of a trial's checkpoints; throws if a sweep id would lead out of the root.</summary>
    public string Folder(string sweepId, int trialId)
    {
        string root = Path.GetFullPath(options.Value.CheckpointRoot);
        string folder = Path.GetFullPath(Path.Combine(root, sweepId, $"trial-{trialId}"));
        if (!folder.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"sweep id '{sweepId}' would put checkpoints outside {root}", nameof(sweepId));
        }

        return folder;
    }

    /// <summary>Deletes every checkpoint and fence of a sweep; true when there were any.</summary>
    public bool DeleteSweep(string sweepId)
    {
        string folder = Path.GetDirectoryName(Folder(sweepId, 1))!;
        if (!Directory.Exists(folder))
        {
            return false;
        }

        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>
    /// Deletes a trial's checkpoints for good; true when there were any. The folder keeps only its fence, so an
    /// attempt still running cannot recreate them (<see cref="CheckpointFence.Release"/>).
    /// </summary>
    public bool Delete(string sweepId, int trialId)
    {
        string folder = Folder(sweepId, trialId);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        CheckpointFence.Release(folder);
        return true;
    }
}
