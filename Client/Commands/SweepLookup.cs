using AslSweep.Cluster;
using AslSweep.Contracts;

namespace AslSweep.Client.Commands;

/// <summary>Finds a sweep's coordinator, refusing ids that were never submitted.</summary>
public static class SweepLookup
{
    /// <summary>The coordinator of sweep <paramref name="id"/>; throws <see cref="UsageException"/> when there is no such sweep.</summary>
    public static async Task<ISweepCoordinatorGrain> Find(IClusterClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sweeps = await ClusterCalls.Retry(() => client.GetGrain<ISweepIndexGrain>(0).List(), $"looking up sweep {id}");
        if (!sweeps.Any(s => s.SweepId == id))
        {
            throw new UsageException($"<ID>: no sweep '{id}' in this cluster (aslsweep list shows them)");
        }

        return client.GetGrain<ISweepCoordinatorGrain>(id);
    }
}
