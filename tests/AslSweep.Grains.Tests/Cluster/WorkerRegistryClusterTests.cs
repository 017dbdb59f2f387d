using AslSweep.Contracts;
using AslSweep.Contracts.State;
using Orleans.Storage;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Issue 16, item 2: the registry's silo lost long after the last membership change. Renewals of an unchanged
/// registration live only in memory, so every saved expiry has passed by then; a reactivated registry listed no
/// worker until each silo renewed, and every coordinator requeued all its running trials meanwhile.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class WorkerRegistryClusterTests(TwoSiloClusterFixture fixture)
{
    private IGrainStorage Storage => fixture.SweepStorage;

    [Fact]
    public async Task Activate_afterEverySavedLeaseHasPassed_listsEveryLiveSilosWorkersAtOnce()
    {
        var registry = fixture.Client.GetGrain<IWorkerRegistryGrain>(0);
        var before = await registry.GetWorkers();
        Assert.Equal(fixture.Cluster.Silos.Count * TwoSiloClusterFixture.DevicesPerSilo, before.Length);

        // The scaled-down "40 s later": leases here are 6 s (3 renewals of 2 s), and renewals are not written.
        await TwoSiloClusterFixture.WaitFor(async () =>
        {
            var record = new GrainState<WorkerRegistryState>(new WorkerRegistryState());
            await Storage.ReadStateAsync("workers", GrainId.Create("workerregistry", "0"), record);
            return record.State!.Expires.Count > 0 && record.State.Expires.Values.All(e => e < DateTimeOffset.UtcNow);
        }, TimeSpan.FromSeconds(30), "every saved lease passed");

        await fixture.Cluster.DeactivateAsync(registry);
        var after = await registry.GetWorkers();

        Assert.Equal(before.Select(w => w.WorkerId), after.Select(w => w.WorkerId));
    }
}
