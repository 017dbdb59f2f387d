using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Grains.Coordination;
using AslSweep.Sweeps.Bookkeeping;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Issue 16, item 1: a trial left Running only through its own report or when its worker's key left the registry,
/// so a worker that forgot its attempt (restarted under the same name, or gave up reporting) held the trial for
/// good, and the reactivation check matched the trial but not the attempt. Here real worker grains are asked.
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class LivenessCheckTests(TwoSiloClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckLiveness_workerIdleOrRunningAnotherAttempt_requeuesThoseTrialsOnly()
    {
        var workers = await IdleWorkers(2);
        string busy = workers[0];
        string idle = workers[1];
        var spec = TwoSiloClusterFixture.TinySpec(400, new ParameterSpec { Name = "seed", Values = ["1", "2", "3"] });
        var book = SweepBook.Start(new SweepCoordinatorState(), "liveness", spec, Now);
        var held = book.Assign(book.Trial(1)!, busy);
        Assert.True(await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).TryStart(held));
        try
        {
            book.Assign(book.Trial(2)!, idle);
            book.Assign(book.Trial(3)!, busy);
            var dispatcher = new TrialDispatcher(fixture.Client, NullLogger.Instance);

            Assert.True(await dispatcher.CheckLiveness(book, unansweredIsLost: false, "in the test"));

            Assert.Equal(TrialState.Running, book.Trial(1)!.State);
            Assert.Equal(TrialState.Pending, book.Trial(2)!.State);
            Assert.Equal(TrialState.Pending, book.Trial(3)!.State);
            Assert.Equal($"attempt 1 was not running on {idle} in the test; resuming from the last checkpoint", book.Trial(2)!.Message);

            // The same worker and trial, but a newer attempt: the worker still runs attempt 1, so attempt 2 is held nowhere.
            book.Requeue(book.Trial(1)!, "reassigned");
            book.Assign(book.Trial(1)!, busy);
            Assert.Equal(2, book.Trial(1)!.Attempts);

            Assert.True(await dispatcher.CheckLiveness(book, unansweredIsLost: false, "in the test"));
            Assert.Equal(TrialState.Pending, book.Trial(1)!.State);
        }
        finally
        {
            await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).Cancel("liveness", 1);
            await TwoSiloClusterFixture.WaitFor(async () => (await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).GetStatus()) is { SweepId: null, Reporting.IsEmpty: true }, TimeSpan.FromSeconds(60), "worker idle again");
        }
    }

    // Issue 16, item 2: when the registry forgot the silos (its own silo died), every coordinator requeued all its
    // running trials while their workers trained on, abandoned. A worker that still holds its attempt keeps it.
    [Fact]
    public async Task DropLostWorkers_registryForgotTheWorkers_keepsTrialsTheirWorkersStillRun()
    {
        var workers = await IdleWorkers(2);
        string busy = workers[0];
        string idle = workers[1];
        var book = SweepBook.Start(new SweepCoordinatorState(), "forgotten", TwoSiloClusterFixture.TinySpec(400, new ParameterSpec { Name = "seed", Values = ["1", "2"] }), Now);
        var held = book.Assign(book.Trial(1)!, busy);
        Assert.True(await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).TryStart(held));
        try
        {
            book.Assign(book.Trial(2)!, idle);

            bool changed = await new TrialDispatcher(fixture.Client, NullLogger.Instance).DropLostWorkers(book, []);

            Assert.True(changed);
            Assert.Equal(TrialState.Running, book.Trial(1)!.State);
            Assert.Equal(TrialState.Pending, book.Trial(2)!.State);
        }
        finally
        {
            await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).Cancel("forgotten", 1);
            await TwoSiloClusterFixture.WaitFor(async () => (await fixture.Client.GetGrain<ITrainingWorkerGrain>(busy).GetStatus()) is { SweepId: null, Reporting.IsEmpty: true }, TimeSpan.FromSeconds(60), "worker idle again");
        }
    }

    [Fact]
    public async Task CheckLiveness_inACancelledSweep_endsTheTrialInsteadOfRequeuing()
    {
        string idle = (await IdleWorkers(1))[0];
        var book = SweepBook.Start(new SweepCoordinatorState(), "liveness-cancelled", TwoSiloClusterFixture.TinySpec(3), Now);
        book.Assign(book.Trial(1)!, idle);
        Assert.Single(book.Cancel(Now));

        Assert.True(await new TrialDispatcher(fixture.Client, NullLogger.Instance).CheckLiveness(book, unansweredIsLost: false, "in the test"));

        Assert.Equal(TrialState.Cancelled, book.Trial(1)!.State);
        Assert.True(book.CompleteIfDone(Now) || book.State.State == SweepState.Cancelled);
        Assert.Empty(book.Running);
    }

    // A coordinator lost after acknowledging epoch reports, before saving them, came back without those epochs and
    // no worker sent them again: the gap held ASHA until the trial ended (a fault test saw a stop turn into
    // Completed). The reactivated coordinator reads them back from the worker that runs the attempt.
    [Fact]
    public async Task RecoverEpochs_epochsTheBookLost_areReadBackFromTheWorkerAndStopTheTrial()
    {
        string busy = (await IdleWorkers(1))[0];
        var spec = TwoSiloClusterFixture.TinySpec(400, new ParameterSpec { Name = "seed", Values = ["1", "2"] }) with { Scheduler = new SchedulerSpec { Type = SchedulerType.Asha, GracePeriod = 1, ReductionFactor = 2 } };
        var book = SweepBook.Start(new SweepCoordinatorState(), "recover", spec, Now);
        book.Assign(book.Trial(1)!, "elsewhere");
        var perfect = new EpochReport { Epoch = 1, ValAccuracy = 1.0, ValLoss = 0.01 };
        Assert.True(book.Finish(1, 1, TrialOutcome.Completed, "done", [perfect]));
        var held = book.Assign(book.Trial(2)!, busy);
        var worker = fixture.Client.GetGrain<ITrainingWorkerGrain>(busy);
        Assert.True(await worker.TryStart(held));
        try
        {
            var key = new AttemptKey { SweepId = "recover", TrialId = 2, Attempt = 1 };
            await TwoSiloClusterFixture.WaitFor(async () => (await worker.GetEpochs(key)).Length >= 1, TimeSpan.FromSeconds(60), "an epoch trained");
            Assert.Empty(book.Trial(2)!.Epochs);

            var (changed, stops) = await new TrialDispatcher(fixture.Client, NullLogger.Instance).RecoverEpochs(book);

            Assert.True(changed);
            Assert.Equal(2, Assert.Single(stops).TrialId);
            Assert.Equal(TrialState.Stopped, book.Trial(2)!.State);
            Assert.Equal([1], book.Trial(2)!.Epochs.Select(e => e.Epoch));
            Assert.Empty(await worker.GetEpochs(key with { Attempt = 2 }));
        }
        finally
        {
            await worker.Cancel("recover", 2);
            await TwoSiloClusterFixture.WaitFor(async () => (await worker.GetStatus()) is { SweepId: null, Reporting.IsEmpty: true }, TimeSpan.FromSeconds(60), "worker idle again");
        }
    }

    private async Task<string[]> IdleWorkers(int count)
    {
        string[] idle = [];
        await TwoSiloClusterFixture.WaitFor(async () =>
        {
            var all = await fixture.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers();
            var statuses = await Task.WhenAll(all.Select(w => fixture.Client.GetGrain<ITrainingWorkerGrain>(w.WorkerId).GetStatus()));
            idle = [.. statuses.Where(s => s.SweepId is null && s.Reporting.IsEmpty).Select(s => s.Worker.WorkerId)];
            return idle.Length >= count;
        }, TimeSpan.FromSeconds(60), $"{count} idle workers");
        return idle;
    }
}
