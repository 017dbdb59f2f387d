using AslSweep.Contracts;
using Orleans.Runtime.Placement;

namespace AslSweep.Grains.Placement;

/// <summary>Finds the active member whose name is the key's silo segment; fails clearly when it is gone.</summary>
public sealed class SiloNamePlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = target.GrainIdentity.Key.ToString()!;
        string silo = WorkerInfo.SiloOf(key);
        var compatible = context.GetCompatibleSilos(target);
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Name == silo && member.Status == SiloStatus.Active && compatible.Contains(member.SiloAddress))
            {
                return Task.FromResult(member.SiloAddress);
            }
        }

        throw new OrleansException($"grain {target.GrainIdentity}: silo '{silo}' is not an active member of the cluster, and the grain may live nowhere else");
    }
}
