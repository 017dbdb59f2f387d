using AslSweep.Contracts;
using AslSweep.Grains.Workers;
using AslSweep.Sweeps.Bookkeeping;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains.Coordination;

/// <summary>
/// Carries out <see cref="CheckpointKeeper"/>'s decisions for one coordinator: deletes the released trials'
/// checkpoints and records them in the state (so a reactivated coordinator does not ask again).
/// </summary>
public sealed class CheckpointReleaser(CheckpointStore store, ILogger logger)
{
    private (int Final, SweepState Sweep) _checked = (-1, SweepState.Running);

    /// <summary>Releases what the keeper lets go; true when the state changed.</summary>
    public bool Release(SweepBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var state = book.State;

        // The keeper builds the report: only worth it when a trial or the sweep has reached a new state.
        var seen = (state.Trials.Count(t => SweepBook.IsFinal(t.State)), state.State);
        if (seen == _checked)
        {
            return false;
        }

        var release = new List<int>();
        bool failed = false;
        foreach (int trialId in CheckpointKeeper.ToRelease(book))
        {
            try
            {
                store.Delete(state.SweepId, trialId);
                release.Add(trialId);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not marked released, and the next tick tries again (a shared volume briefly unavailable).
                logger.LogWarning(e, "Sweep {SweepId}: could not release the checkpoints of trial {TrialId}", state.SweepId, trialId);
                failed = true;
            }
        }

        _checked = failed ? (-1, SweepState.Running) : seen;
        book.MarkReleased(release);

        if (release.Count > 0)
        {
            logger.LogInformation("Sweep {SweepId}: released the checkpoints of trials {Trials} (keep_checkpoints {Keep})", state.SweepId, string.Join(", ", release), state.Spec!.KeepCheckpoints);
        }

        return release.Count > 0;
    }
}
