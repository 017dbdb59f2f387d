using AslSweep.Contracts;
using AslSweep.Contracts.State;
using Orleans.Storage;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Issue 16: an ETag conflict injected. Another writer (a second activation during a split, an operator's repair)
/// rewrites the coordinator's or the registry's record, so the grain's next write fails with a stale ETag.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class StorageConflictClusterTests(TwoSiloClusterFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private IGrainStorage Storage => fixture.SweepStorage;

    [Fact]
    public async Task Save_sweepStateRewrittenByAnotherWriterMidSweep_sweepStillEndsWithEveryEpochOnce()
    {
        const string sweep = "etag-conflict";
        var spec = TwoSiloClusterFixture.TinySpec(8, new ParameterSpec { Name = "seed", Values = ["1", "2"] });
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>(sweep).Start(spec);
        await fixture.WaitForSweep(sweep, s => s.Trials.All(t => t.Epochs.Length >= 2), Limit);

        // What the other writer saw and wrote back: a valid state, under a new ETag the coordinator does not hold.
        var id = TwoSiloClusterFixture.CoordinatorId(sweep);
        var record = new GrainState<SweepCoordinatorState>(new SweepCoordinatorState());
        await Storage.ReadStateAsync("sweep", id, record);
        await Storage.WriteStateAsync("sweep", id, record);

        var done = await fixture.WaitForSweep(sweep, s => s.State != SweepState.Running, Limit);

        Assert.Equal(SweepState.Completed, done.State);
        Assert.All(done.Trials, t =>
        {
            Assert.Equal(TrialState.Completed, t.State);
            Assert.Equal(Enumerable.Range(1, 8), t.Epochs.Select(e => e.Epoch));
        });

        // What is saved is what the coordinator reports, not what the other writer left.
        var saved = new GrainState<SweepCoordinatorState>(new SweepCoordinatorState());
        await Storage.ReadStateAsync("sweep", id, saved);
        Assert.Equal(SweepState.Completed, saved.State!.State);
    }

    [Fact]
    public async Task Register_registryRecordRewrittenByAnotherWriter_everyLiveSilosWorkersStayListed()
    {
        var registry = fixture.Client.GetGrain<IWorkerRegistryGrain>(0);
        var before = await registry.GetWorkers();
        var id = GrainId.Create("workerregistry", "0");
        var record = new GrainState<WorkerRegistryState>(new WorkerRegistryState());
        await Storage.ReadStateAsync("workers", id, record);
        Assert.True(record.RecordExists, "the registry's record");
        await Storage.WriteStateAsync("workers", id, record);

        // A registration that changes the record must write it, and meets the conflict.
        string silo = before[0].WorkerId.Split('/')[0];
        var own = before.Where(w => w.WorkerId.StartsWith(silo + "/", StringComparison.Ordinal)).ToArray();
        await Assert.ThrowsAnyAsync<Exception>(() => registry.Register(silo, [.. own.Take(1)], TimeSpan.FromSeconds(6)));

        // The silo's next renewal (every 2 s here) puts its full registration back.
        await TwoSiloClusterFixture.WaitFor(async () => (await registry.GetWorkers()).Length == before.Length, TimeSpan.FromSeconds(15), "every worker listed again");
        Assert.Equal(before.Select(w => w.WorkerId), (await registry.GetWorkers()).Select(w => w.WorkerId));
    }
}
