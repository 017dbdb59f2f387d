using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Bookkeeping;

/// <summary>
/// The top-K checkpoint keeper (Ray Tune's <c>num_to_keep</c>): with the spec's <c>keep_checkpoints</c> = K, the
/// checkpoints kept are those of the K completed trials with the best selection metric, the recommended trial's
/// (exported as the best model) and the baseline's; every other finished trial's checkpoint is released. Both
/// sets only improve as trials complete, so a released trial can never come back into the kept set. A trial is
/// released only when its worker has finished with it: completed, failed and diverged trials at once, stopped
/// ones (whose worker may still be writing its last checkpoint) when the sweep has completed. Cancelled sweeps
/// keep everything. With replicates K counts configurations (the best K complete ones keep their first replicate's
/// checkpoint), and nothing is released before the sweep completes: until then a configuration's mean can still
/// overtake, and its first replicate become the recommendation.
/// </summary>
public static class CheckpointKeeper
{
    /// <summary>Trials whose checkpoints may be deleted now (not yet released ones only).</summary>
    public static IReadOnlyList<int> ToRelease(SweepBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var state = book.State;
        if (state.Spec?.KeepCheckpoints is not int keep || state.State == SweepState.Cancelled)
        {
            return [];
        }

        bool over = state.State == SweepState.Completed;
        bool replicated = state.Spec.Replicates > 1;
        if (replicated && !over)
        {
            // With replicates the recommendation moves as configurations complete (a released trial could become the
            // recommended one): nothing is released before the ranking is final.
            return [];
        }

        var released = state.ReleasedCheckpoints.ToHashSet();
        var candidates = state.Trials
            .Where(t => !t.IsBaseline && !released.Contains(t.TrialId))
            .Where(t => t.State is TrialState.Completed or TrialState.Failed or TrialState.Diverged || (over && t.State == TrialState.Stopped))
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var report = SweepReportBuilder.Build(book.ToStatus());
        // With replicates K counts configurations, each kept by its first replicate (the one a recommendation names).
        var kept = (replicated
                ? report.Configurations.Where(c => c.Complete).Take(keep).Select(c => c.TrialIds[0])
                : report.Rows
                    .Where(r => r.State == TrialState.Completed && double.IsFinite(r.MeanLastK))
                    .OrderByDescending(r => r.MeanLastK)
                    .ThenBy(r => r.TrialId)
                    .Take(keep)
                    .Select(r => r.TrialId))
            .Append(report.RecommendedTrialId)
            .ToHashSet();
        return [.. candidates.Where(t => !kept.Contains(t.TrialId)).Select(t => t.TrialId)];
    }
}
