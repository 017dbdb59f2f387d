using System.Collections.Immutable;
using AslSweep.Contracts;
using AslSweep.Contracts.State;

namespace AslSweep.Grains;

/// <summary>
/// The cluster's workers. A silo that Orleans' membership has declared dead loses its workers at once; a
/// registration also lapses after three renewal periods without renewal. The state is persisted so that a
/// reactivated registry does not forget the live silos between two renewals.
/// </summary>
public sealed class WorkerRegistryGrain(
    [PersistentState("workers", StorageNames.Sweeps)] IPersistentState<WorkerRegistryState> state,
    IClusterMembershipService membership,
    TimeProvider time) : Grain, IWorkerRegistryGrain
{
    // The lease assumed for a registration saved before this activation (three default renewal periods of 10 s).
    private static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, TimeSpan> _leases = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Renewals are kept in memory, so the saved expiries may have passed while the registry was away (its silo
        // died, or a write conflict deactivated it). A silo that membership shows active keeps its workers for one
        // more default lease; otherwise every coordinator would drop all its running trials until each silo renews.
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var until = time.GetUtcNow() + DefaultLease;
        foreach (string silo in state.State.Workers.Keys.Where(active.Contains))
        {
            if (state.State.Expires.GetValueOrDefault(silo) < until)
            {
                state.State.Expires[silo] = until;
            }
        }

        return Task.CompletedTask;
    }

    public async Task Register(string silo, ImmutableArray<WorkerInfo> workers, TimeSpan lease)
    {
        bool known = state.State.Workers.TryGetValue(silo, out var previous) && previous.SequenceEqual(workers);
        _leases[silo] = lease > TimeSpan.Zero ? lease : DefaultLease;
        state.State.Workers[silo] = [.. workers];
        state.State.Expires[silo] = time.GetUtcNow() + _leases[silo];

        // Renewals of an unchanged registration are kept in memory only; their loss costs at most one lease.
        if (!known)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Unregister(string silo)
    {
        if (state.State.Workers.Remove(silo))
        {
            state.State.Expires.Remove(silo);
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<WorkerInfo>> GetWorkers()
    {
        var now = time.GetUtcNow();
        var dead = DeadSilos(membership.CurrentSnapshot);
        return Task.FromResult(state.State.Workers
            .Where(w => state.State.Expires.GetValueOrDefault(w.Key) > now && !dead.Contains(w.Key))
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .SelectMany(w => w.Value)
            .ToImmutableArray());
    }

    /// <summary>Names of silos that membership declared dead and that have not come back under the same name.</summary>
    private static HashSet<string> DeadSilos(ClusterMembershipSnapshot snapshot)
    {
        var members = snapshot.Members.Values;
        var alive = members.Where(m => m.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return members.Where(m => m.Status == SiloStatus.Dead && !alive.Contains(m.Name))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }
}
