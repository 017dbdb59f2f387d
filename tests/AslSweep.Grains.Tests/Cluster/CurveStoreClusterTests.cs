using AslSweep.Contracts;
using AslSweep.Contracts.State;
using Orleans.Storage;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Issue 16: the coordinator's state held every epoch of every trial and was rewritten whole on every tick. The
/// curves now live in one record per trial, written when they change; the sweep's state no longer holds them.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class CurveStoreClusterTests(TwoSiloClusterFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private IGrainStorage Storage => fixture.SweepStorage;

    [Fact]
    public async Task Save_sweepThatRan_keepsCurvesInPerTrialRecordsOutOfTheSweepState()
    {
        var spec = TwoSiloClusterFixture.TinySpec(3, new ParameterSpec { Name = "seed", Values = ["1", "2"] });
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("curves");
        await coordinator.Start(spec);
        var done = await fixture.WaitForSweep("curves", s => s.State == SweepState.Completed, Limit);

        var sweep = await Read<SweepCoordinatorState>("sweep", "curves");
        var curves = await Task.WhenAll(done.Trials.Select(t => Read<TrialCurveState>($"curve-{t.TrialId}", "curves")));

        Assert.All(sweep.Trials, t => Assert.Empty(t.SavedEpochs));
        Assert.Empty(sweep.SavedSchedulerResults);
        Assert.All(curves, c => Assert.Equal([1, 2, 3], c.Epochs.Select(e => e.Epoch)));
        Assert.Equal(done.Trials.Select(t => t.Epochs.ToArray()), curves.Select(c => c.Epochs.ToArray()));

        // Read back after a reactivation: the same curves.
        await fixture.Cluster.DeactivateAsync(coordinator);
        var again = await coordinator.GetStatus();
        Assert.Equal(done.Trials.Select(t => t.Epochs.ToArray()), again.Trials.Select(t => t.Epochs.ToArray()));
    }

    [Fact]
    public async Task Load_stateSavedBeforeCurvesMovedOut_readsTheCurvesItHolds()
    {
        var spec = TwoSiloClusterFixture.TinySpec(2, new ParameterSpec { Name = "seed", Values = ["1", "2"] });
        var legacy = new SweepCoordinatorState
        {
            SweepId = "legacy-curves",
            Spec = spec,
            State = SweepState.Completed,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Trials = [.. Enumerable.Range(1, 2).Select(t => new TrialProgressState
            {
                TrialId = t,
                State = TrialState.Completed,
                Attempts = 1,
                SavedEpochs = [new EpochReport { Epoch = 1, ValAccuracy = 0.1 * t }, new EpochReport { Epoch = 2, ValAccuracy = 0.2 * t }],
            })],
            SavedSchedulerResults = [new SchedulerResultState { TrialId = 1, Epoch = 1, Value = 0.1 }, new SchedulerResultState { TrialId = 2, Epoch = 1, Value = 0.2 }],
        };
        await Storage.WriteStateAsync("sweep", Id("legacy-curves"), new GrainState<SweepCoordinatorState>(legacy));

        var status = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("legacy-curves").GetStatus();

        Assert.Equal([[0.1, 0.2], [0.2, 0.4]], status.Trials.Select(t => t.Epochs.Select(e => e.ValAccuracy).ToArray()));
    }

    [Fact]
    public async Task Load_stateSavedBeforeCurvesMovedOut_keepsEverySchedulerResultInOrder()
    {
        var state = new SweepCoordinatorState
        {
            SweepId = "legacy-results",
            Trials = [new TrialProgressState { TrialId = 1 }, new TrialProgressState { TrialId = 2 }],
            SavedSchedulerResults = [.. new[] { (1, 1), (2, 1), (1, 2), (2, 2) }.Select(r => new SchedulerResultState { TrialId = r.Item1, Epoch = r.Item2, Value = r.Item2 / 10.0 })],
        };

        await new Coordination.CurveStore(Storage, Id("legacy-results")).Load(state);

        Assert.Equal([(1, 1, 0), (2, 1, 1), (1, 2, 2), (2, 2, 3)], state.SchedulerResults.Select(r => (r.TrialId, r.Epoch, r.Sequence)));
        Assert.Empty(state.SavedSchedulerResults);
    }

    private static GrainId Id(string sweep) => TwoSiloClusterFixture.CoordinatorId(sweep);

    private async Task<T> Read<T>(string name, string sweep)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(name, Id(sweep), state);
        Assert.True(state.RecordExists, $"no record {name} of {sweep}");
        return state.State!;
    }
}
