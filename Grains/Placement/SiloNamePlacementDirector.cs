using AslSweep.Contracts;
using Orleans.Runtime.Placement;

namespace AslSweep.Grains.Placement;

/// <summary>Finds the active member whose name is the key's silo segment; fails clearly when it is gone.</summary>
public sealed class SiloNamePlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    /// <inheritdoc />
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = target.GrainIdentity.Key.ToString()!;
        string silo = WorkerInfo.SiloOf(key);
        if (Find(silo, target, context) is { } address)
        {
            return address;
        }

        // Gossip can miss a silo that became active while this one was still joining; this silo's view then lags
        // until the next membership table refresh (a minute), and a worker that registered meanwhile could not be
        // placed. Reading the table now closes that window.
        await membership.Refresh();
        return Find(silo, target, context)
            ?? throw new OrleansException($"grain {target.GrainIdentity}: silo '{silo}' is not an active member of the cluster, and the grain may live nowhere else");
    }

    private SiloAddress? Find(string silo, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        return membership.CurrentSnapshot.Members.Values
            .FirstOrDefault(m => m.Name == silo && m.Status == SiloStatus.Active && compatible.Contains(m.SiloAddress))?.SiloAddress;
    }
}
