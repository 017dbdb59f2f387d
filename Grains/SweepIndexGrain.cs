using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Grains.State;

namespace AslSweep.Grains;

/// <summary>The list of sweeps.</summary>
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

    public Task<ImmutableArray<SweepSummary>> List() =>
        Task.FromResult(state.State.Sweeps.OrderByDescending(s => s.CreatedAt).ToImmutableArray());
}
