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
    /// <summary>How long a registration lives without renewal.</summary>
    public static TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public async Task Register(string silo, ImmutableArray<WorkerInfo> workers)
    {
        bool known = state.State.Workers.TryGetValue(silo, out var previous) && previous.SequenceEqual(workers);
        state.State.Workers[silo] = [.. workers];
        state.State.Expires[silo] = time.GetUtcNow() + Lease;

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
