using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Bookkeeping;
using Orleans.Storage;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Issue 16, item 4: a coordinator killed between a stop decision and its save. A save writes the changed curves
/// (with the scheduler's results) first and the sweep's state (with the decision) second; a crash between the two
/// left the stopping result saved but the trial Running, and the replayed scheduler never gave the decision again,
/// so the trial ran on to Completed. Storage is planted with exactly what such a crash leaves.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class LostStopClusterTests(TwoSiloClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private IGrainStorage Storage => fixture.SweepStorage;

    [Fact]
    public async Task Activate_stopSavedInTheCurvesButNotInTheState_stopsTheTrialInsteadOfRunningItOn()
    {
        const string sweep = "lost-stop";
        var spec = TwoSiloClusterFixture.TinySpec(3, new ParameterSpec { Name = "seed", Values = ["1", "2"] }) with
        {
            Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, GracePeriod = 1, ReductionFactor = 2 },
        };
        string worker = (await fixture.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers())[0].WorkerId;
        var book = SweepBook.Start(new SweepCoordinatorState(), sweep, spec, Now);
        book.Assign(book.Trial(1)!, worker);
        book.Assign(book.Trial(2)!, worker);
        Assert.True(book.Finish(1, 1, TrialOutcome.Completed, "done", [.. Enumerable.Range(1, 3).Select(e => new EpochReport { Epoch = e, ValAccuracy = 0.9 })]));
        Assert.True(book.RecordEpoch(2, 1, new EpochReport { Epoch = 1, ValAccuracy = 0.1 }, out var stops));
        Assert.Single(stops);

        // The curve records were written after the decision...
        var id = TwoSiloClusterFixture.CoordinatorId(sweep);
        foreach (var trial in book.State.Trials)
        {
            var curve = new TrialCurveState { TrialId = trial.TrialId, Epochs = [.. trial.Epochs], SchedulerResults = [.. book.State.SchedulerResults.Where(r => r.TrialId == trial.TrialId)] };
            await Storage.WriteStateAsync($"curve-{trial.TrialId}", id, new GrainState<TrialCurveState>(curve));
        }

        // ...the state holding it was not: the last one saved still has the trial running.
        book.State.Trials[1].State = TrialState.Running;
        book.State.Trials[1].Message = null;
        book.State.Decisions.Clear();
        await Storage.WriteStateAsync("sweep", id, new GrainState<SweepCoordinatorState>(book.State));

        var status = await fixture.WaitForSweep(sweep, s => s.State != SweepState.Running, TimeSpan.FromMinutes(2));

        Assert.Equal(SweepState.Completed, status.State);
        var stopped = status.Trials.Single(t => t.TrialId == 2);
        Assert.Equal(TrialState.Stopped, stopped.State);
        Assert.Equal(1, stopped.Attempts);
        Assert.Equal([1], stopped.Epochs.Select(e => e.Epoch));
        var decision = Assert.Single(status.Decisions);
        Assert.Equal((2, 1), (decision.TrialId, decision.Epoch));
    }
}
