using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Contracts.State;

namespace AslSweep.Grains;

/// <summary>The list of sweeps, and which of them run (for the concurrent-sweeps limit).</summary>
public sealed class SweepIndexGrain([PersistentState("index", StorageNames.Sweeps)] IPersistentState<SweepIndexState> state) : Grain, ISweepIndexGrain
{
    public async Task Add(SweepSummary sweep)
    {
        if (!state.State.Sweeps.Exists(s => s.SweepId == sweep.SweepId))
        {
            state.State.Sweeps.Add(sweep);
            await state.WriteStateAsync();
        }
    }

    public async Task<bool> TryStartRunning(string sweepId, int maxRunning)
    {
        if (state.State.Running.Contains(sweepId))
        {
            return true;
        }

        if (state.State.Running.Count >= maxRunning)
        {
            return false;
        }

        state.State.Running.Add(sweepId);
        await state.WriteStateAsync();
        return true;
    }

    public async Task Finished(string sweepId)
    {
        if (state.State.Running.Remove(sweepId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<SweepSummary>> List() =>
        Task.FromResult(state.State.Sweeps.OrderByDescending(s => s.CreatedAt).ToImmutableArray());
}
