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

        // Memory follows storage: a failed write is undone, or a retry would find the slot taken and nothing saved.
        state.State.Running.Add(sweepId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Running.Remove(sweepId);
            throw;
        }

        return true;
    }

    public async Task Finished(string sweepId)
    {
        if (state.State.Running.Remove(sweepId))
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // Undone, so the coordinator's retry writes it again (else the slot stayed taken in storage for good).
                state.State.Running.Add(sweepId);
                throw;
            }
        }
    }

    public Task<ImmutableArray<SweepSummary>> List() =>
        Task.FromResult(state.State.Sweeps.OrderByDescending(s => s.CreatedAt).ToImmutableArray());
}
