using AslSweep.Contracts.State;
using Orleans.Storage;

namespace AslSweep.Grains.Coordination;

/// <summary>
/// Keeps each trial's curve and scheduler results in its own record beside the sweep's state (state name
/// <c>curve-&lt;trial&gt;</c> of the coordinator's grain id, same storage), written only when they changed. The
/// sweep's state, written on every tick that changed anything, then no longer grows with every epoch of every
/// trial: a tick writes it (a few hundred bytes per trial) and the curves of the trials that reported.
/// </summary>
public sealed class CurveStore(IGrainStorage storage, GrainId coordinator)
{
    private readonly Dictionary<int, GrainState<TrialCurveState>> _records = [];
    private readonly Dictionary<int, int> _savedVersions = [];

    /// <summary>
    /// Puts every trial's saved curve and scheduler results back into <paramref name="state"/> (in their original
    /// order). A state saved before curves moved out still holds them itself: they are taken from there, and the
    /// next <see cref="Save"/> moves them.
    /// </summary>
    public async Task Load(SweepCoordinatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var records = await Task.WhenAll(state.Trials.Select(async trial =>
        {
            var record = new GrainState<TrialCurveState>(new TrialCurveState { TrialId = trial.TrialId });
            await storage.ReadStateAsync(Name(trial.TrialId), coordinator, record);
            return (Trial: trial, Record: record);
        }));

        var results = new List<SchedulerResultState>();
        foreach (var (trial, record) in records)
        {
            _records[trial.TrialId] = record;
            if (record.RecordExists && record.State is { } saved)
            {
                trial.Epochs = saved.Epochs;
                results.AddRange(saved.SchedulerResults);
                _savedVersions[trial.TrialId] = trial.CurveVersion;
            }
            else if (trial.SavedEpochs.Count > 0)
            {
                trial.Epochs = trial.SavedEpochs;
                trial.CurveVersion++;
            }

            trial.SavedEpochs = [];
        }

        if (state.SavedSchedulerResults.Count > 0)
        {
            // Saved in order, before results carried their place: that order is their place.
            for (int i = 0; i < state.SavedSchedulerResults.Count; i++)
            {
                state.SavedSchedulerResults[i].Sequence = i;
            }

            // Trials whose own record exists keep its results; the others take theirs from the old field.
            var recorded = results.Select(r => r.TrialId).ToHashSet();
            results.AddRange([.. state.SavedSchedulerResults.Where(r => !recorded.Contains(r.TrialId))]);
            foreach (var trial in state.Trials.Where(t => state.SavedSchedulerResults.Exists(r => r.TrialId == t.TrialId)))
            {
                trial.CurveVersion++;
            }
        }

        state.SavedSchedulerResults = [];
        state.SchedulerResults = [.. results.OrderBy(r => r.Sequence)];
    }

    /// <summary>Writes the record of every trial whose curve or scheduler results changed since it was last written.</summary>
    public async Task Save(SweepCoordinatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changed = state.Trials.Where(t => t.CurveVersion != _savedVersions.GetValueOrDefault(t.TrialId)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var results = state.SchedulerResults.ToLookup(r => r.TrialId);
        await Task.WhenAll(changed.Select(async trial =>
        {
            if (!_records.TryGetValue(trial.TrialId, out var record))
            {
                _records[trial.TrialId] = record = new GrainState<TrialCurveState>(new TrialCurveState());
            }

            int version = trial.CurveVersion;
            record.State = new TrialCurveState { TrialId = trial.TrialId, Epochs = [.. trial.Epochs], SchedulerResults = [.. results[trial.TrialId]] };
            await storage.WriteStateAsync(Name(trial.TrialId), coordinator, record);
            _savedVersions[trial.TrialId] = version;
        }));
    }

    private static string Name(int trialId) => $"curve-{trialId}";
}
