using AslSweep.Contracts;

namespace AslSweep.Grains.Tests.Cluster;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class SweepCoordinatorGrainTests(TwoSiloClusterFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private static ParameterSpec P(string name, params string[] values) => new() { Name = name, Values = [.. values] };

    [Fact]
    public async Task Start_smallSweep_completesWithEveryTrialsFullCurve()
    {
        var spec = TwoSiloClusterFixture.TinySpec(3, P("conv_dropout", "0.1", "0.3"), P("batch_size", "16", "32"));

        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("complete").Start(spec);
        var status = await fixture.WaitForSweep("complete", s => s.State == SweepState.Completed, Limit);

        Assert.Equal(4, status.Trials.Length);
        Assert.All(status.Trials, t =>
        {
            Assert.Equal(TrialState.Completed, t.State);
            Assert.Equal([1, 2, 3], t.Epochs.Select(e => e.Epoch).ToArray());
            Assert.All(t.Epochs, e => Assert.InRange(e.ValAccuracy, 0, 1));
        });
        var summary = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("complete").GetSummary();
        Assert.All(summary.Trials, t =>
        {
            var full = status.Trials.Single(f => f.TrialId == t.TrialId);
            Assert.Equal([3], t.Epochs.Select(e => e.Epoch).ToArray());
            Assert.Equal(3, t.EpochsDone);
            Assert.Equal(full.Epochs.Max(e => e.ValAccuracy), t.BestValAccuracy);
            Assert.Equal(full.Epochs[^1], t.Epochs[0]);
        });
        var report = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("complete").GetReport();
        Assert.Equal(4, report.Rows.Length);
        Assert.True(report.Synthetic);
        Assert.Contains(await fixture.Client.GetGrain<ISweepIndexGrain>(0).List(), s => s.SweepId == "complete");
    }

    [Fact]
    public async Task Workers_everyActivation_sitsOnItsOwnSilo()
    {
        var workers = await fixture.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers();

        Assert.Equal(2, workers.Select(w => w.Silo).Distinct().Count());
        foreach (var worker in workers)
        {
            var status = await fixture.Client.GetGrain<ITrainingWorkerGrain>(worker.WorkerId).GetStatus();
            Assert.Equal(worker.Silo, status.ActivationSilo);
        }
    }

    [Fact]
    public async Task Dispatch_neverRunsMoreTrialsThanWorkersOrMaxConcurrent()
    {
        var wide = TwoSiloClusterFixture.TinySpec(2, P("seed", "1", "2", "3", "4", "5", "6", "7", "8")) with { MaxConcurrent = 100 };
        var narrow = TwoSiloClusterFixture.TinySpec(2, P("seed", "1", "2", "3")) with { MaxConcurrent = 1 };
        // Every start and end on a worker, as it happens (the workers' busy counter, by sweep): the exact peak,
        // where polling the status every 100 ms could miss one.
        using var busy = new BusyWorkers("wide", "narrow");

        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("wide").Start(wide);
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("narrow").Start(narrow);
        await Task.WhenAll(
            fixture.WaitForSweep("wide", s => s.State == SweepState.Completed, Limit),
            fixture.WaitForSweep("narrow", s => s.State == SweepState.Completed, Limit));

        Assert.InRange(busy.Peak("wide"), 2, 2 * TwoSiloClusterFixture.DevicesPerSilo);
        Assert.Equal(1, busy.Peak("narrow"));
        Assert.Equal(0, busy.Now("wide") + busy.Now("narrow"));
    }

    [Fact]
    public async Task Start_identicalSpecAgain_isAcceptedAndAnotherRefused()
    {
        // A submit retried after a timeout sends a spec equal to, but not the same object as, the first one.
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("resubmitted");
        await coordinator.Start(TwoSiloClusterFixture.TinySpec(1, P("seed", "1")));

        var again = await coordinator.Start(TwoSiloClusterFixture.TinySpec(1, P("seed", "1")));
        var other = await Assert.ThrowsAsync<SweepRefusedException>(() => coordinator.Start(TwoSiloClusterFixture.TinySpec(1, P("seed", "2"))));

        Assert.Equal("resubmitted", again.SweepId);
        Assert.Equal("sweep refused: resubmitted already exists with another spec; choose another id or submit the same spec", other.Message);
        Assert.Equal(SweepRefusal.IdTaken, other.Reason);
    }

    [Fact]
    public async Task Cancel_midSweep_stopsEveryTrialWithinSeconds()
    {
        var spec = TwoSiloClusterFixture.TinySpec(200, P("seed", "1", "2", "3", "4", "5", "6"));
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("cancel");
        await coordinator.Start(spec);
        await fixture.WaitForSweep("cancel", s => s.Trials.Count(t => t.State == TrialState.Running && t.Epochs.Length > 0) >= 2, Limit);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await coordinator.Cancel();
        var status = await fixture.WaitForSweep("cancel", s => !s.Trials.Any(t => t.State == TrialState.Running), TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(SweepState.Cancelled, status.State);
        Assert.All(status.Trials, t => Assert.Equal(TrialState.Cancelled, t.State));
        Assert.Contains(status.Trials, t => t.Epochs.Length > 0);
        await TwoSiloClusterFixture.WaitFor(async () => await AllWorkersIdle(), TimeSpan.FromSeconds(10), "workers idle");
    }

    [Fact]
    public async Task Trial_thatThrowsEveryTime_isRetriedThenFailedWhileSweepCompletes()
    {
        // A corrupt checkpoint makes every attempt of trial 2 throw, for real, in the trainer. Planted once the sweep
        // started (a new sweep clears its folder) and while trial 1 runs alone (max_concurrent 1).
        var spec = TwoSiloClusterFixture.TinySpec(3, P("seed", "1", "2", "3")) with { MaxFailures = 2, MaxConcurrent = 1 };
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("failing").Start(spec);
        string folder = Path.Combine(fixture.CheckpointRoot, "failing", "trial-2", "current");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "state.json"), "{ not json");

        var status = await fixture.WaitForSweep("failing", s => s.State == SweepState.Completed, Limit);

        var failed = status.Trials.Single(t => t.TrialId == 2);
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("cannot read checkpoint", failed.Message, StringComparison.Ordinal);
        Assert.All(status.Trials.Where(t => t.TrialId != 2), t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task Trials_divergedOrOverTheMemoryCap_endWithClearStateAndWorkersStayHealthy()
    {
        // The notebook's model without batch norm under SGD at learning rate 10 reaches NaN within two epochs.
        var diverging = TwoSiloClusterFixture.TinySpec(3) with { Parameters = [P("epochs", "3"), P("optimizer", "sgd"), P("batch_norm", "false"), P("learning_rate", "0.001", "10")] };
        var oversized = TwoSiloClusterFixture.TinySpec(2) with { Parameters = [P("epochs", "2"), P("filters", "8,8"), P("dense_units", "32", "65536")] };

        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("diverging").Start(diverging);
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("oversized").Start(oversized);
        var nan = await fixture.WaitForSweep("diverging", s => s.State == SweepState.Completed, Limit);
        var oom = await fixture.WaitForSweep("oversized", s => s.State == SweepState.Completed, Limit);

        Assert.Equal(TrialState.Completed, nan.Trials.Single(t => t.TrialId == 1).State);
        var diverged = nan.Trials.Single(t => t.TrialId == 2);
        Assert.Equal(TrialState.Diverged, diverged.State);
        Assert.Contains("diverged", diverged.Message, StringComparison.Ordinal);
        Assert.Equal(TrialState.Completed, oom.Trials.Single(t => t.TrialId == 1).State);
        var tooBig = oom.Trials.Single(t => t.TrialId == 2);
        Assert.Equal(TrialState.Failed, tooBig.State);
        Assert.Contains("out of memory: this trial needs about", tooBig.Message, StringComparison.Ordinal);
        // Every worker is still registered and takes the next trial.
        Assert.Equal(2 * TwoSiloClusterFixture.DevicesPerSilo, (await fixture.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers()).Length);
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("after-faults").Start(TwoSiloClusterFixture.TinySpec(1, P("seed", "1", "2", "3", "4")));
        var after = await fixture.WaitForSweep("after-faults", s => s.State == SweepState.Completed, Limit);
        Assert.All(after.Trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task Coordinator_forcedDeactivationMidSweep_keepsStateAndFinishes()
    {
        var spec = TwoSiloClusterFixture.TinySpec(6, P("seed", "1", "2"));
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("deactivate");
        await coordinator.Start(spec);
        var before = await fixture.WaitForSweep("deactivate", s => s.Trials.Any(t => t.Epochs.Length >= 2), Limit);

        await fixture.Cluster.DeactivateAsync(coordinator);
        var after = await coordinator.GetStatus();
        var done = await fixture.WaitForSweep("deactivate", s => s.State == SweepState.Completed, Limit);

        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.All(before.Trials, t => Assert.True(after.Trials.Single(a => a.TrialId == t.TrialId).Epochs.Length >= t.Epochs.Length));
        Assert.All(done.Trials, t => Assert.Equal([1, 2, 3, 4, 5, 6], t.Epochs.Select(e => e.Epoch).ToArray()));
    }

    [Fact]
    public async Task Silo_stoppedGracefullyMidTrial_requeuesItsTrialsWhichResumeElsewhere()
    {
        var extra = await fixture.Cluster.StartAdditionalSiloAsync();
        var registry = fixture.Client.GetGrain<IWorkerRegistryGrain>(0);
        await TwoSiloClusterFixture.WaitFor(async () => (await registry.GetWorkers()).Length == 6, TimeSpan.FromSeconds(30), "third silo's workers");
        var spec = TwoSiloClusterFixture.TinySpec(60, P("seed", "1", "2", "3", "4", "5", "6"));
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("drain").Start(spec);
        bool OnExtra(TrialStatus t) => t.State == TrialState.Running && t.Worker!.StartsWith(extra.Name + "/", StringComparison.Ordinal);
        var running = await fixture.WaitForSweep("drain", s => s.Trials.Any(t => OnExtra(t) && t.Epochs.Length >= 2), Limit);
        var interrupted = running.Trials.Where(OnExtra).Select(t => t.TrialId).ToHashSet();

        await fixture.Cluster.StopSiloAsync(extra);
        var done = await fixture.WaitForSweep("drain", s => s.State == SweepState.Completed, Limit);

        Assert.Equal(4, (await registry.GetWorkers()).Length);
        Assert.All(done.Trials, t =>
        {
            Assert.Equal(TrialState.Completed, t.State);
            Assert.Equal(Enumerable.Range(1, 60), t.Epochs.Select(e => e.Epoch));
        });
        Assert.All(done.Trials.Where(t => interrupted.Contains(t.TrialId)), t =>
        {
            Assert.True(t.Attempts >= 2, $"trial {t.TrialId} was interrupted and must have resumed in a new attempt");
            Assert.False(t.Worker!.StartsWith(extra.Name + "/", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Start_keepCheckpointsOne_leavesOnlyTheBestAndRecommendedTrialsCheckpoints()
    {
        var spec = TwoSiloClusterFixture.TinySpec(3, P("seed", "1", "2", "3", "4")) with { KeepCheckpoints = 1 };
        string folder = Path.Combine(fixture.CheckpointRoot, "keep");

        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("keep").Start(spec);
        await fixture.WaitForSweep("keep", s => s.State == SweepState.Completed, Limit);

        var report = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("keep").GetReport();
        int best = report.Rows.Where(r => r.State == TrialState.Completed).OrderByDescending(r => r.MeanLastK).ThenBy(r => r.TrialId).First().TrialId;
        string[] kept = [.. new[] { best, report.RecommendedTrialId }.Distinct().Select(t => $"trial-{t}").Order()];
        Assert.Equal(4, report.Rows.Length);
        Assert.Equal(kept, Directory.GetDirectories(folder).Where(d => Directory.Exists(Path.Combine(d, "current"))).Select(Path.GetFileName).Order().ToArray());
        // A released trial's folder keeps only its fence: nothing still running can write the checkpoint back.
        Assert.Equal(4, Directory.GetDirectories(folder).Length);
        Assert.All(Directory.GetDirectories(folder).Where(d => !kept.Contains(Path.GetFileName(d))), d => Assert.Equal(["writer"], Directory.GetFileSystemEntries(d).Select(Path.GetFileName)));
    }

    [Fact]
    public async Task Start_idUsedBeforeWhoseCheckpointsRemain_startsCleanInsteadOfBeingFencedOut()
    {
        // The state of an earlier sweep "reused" was lost (an in-memory store restarted); its checkpoint root was
        // kept, with trial 1's folder owned by that sweep's attempt 7.
        string folder = Path.Combine(fixture.CheckpointRoot, "reused", "trial-1");
        Directory.CreateDirectory(Path.Combine(folder, "current"));
        await File.WriteAllTextAsync(Path.Combine(folder, "writer"), "7");
        await File.WriteAllTextAsync(Path.Combine(folder, "current", "state.json"), "{ \"left\": \"by the earlier sweep\" }");

        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("reused").Start(TwoSiloClusterFixture.TinySpec(2, P("seed", "1")));
        var status = await fixture.WaitForSweep("reused", s => s.State == SweepState.Completed, Limit);

        var trial = Assert.Single(status.Trials);
        Assert.Equal(TrialState.Completed, trial.State);
        Assert.Equal(1, trial.Attempts);
        Assert.Equal("1", await File.ReadAllTextAsync(Path.Combine(folder, "writer")));
    }

    [Fact]
    public async Task Start_sweepIdLeadingOutOfTheCheckpointRoot_isRejected()
    {
        var e = await Assert.ThrowsAsync<SweepRefusedException>(() => fixture.Client.GetGrain<ISweepCoordinatorGrain>("../escape").Start(TwoSiloClusterFixture.TinySpec(1)));

        Assert.Contains("sweep id '../escape': use letters, digits", e.Message, StringComparison.Ordinal);
        Assert.Equal(SweepRefusal.InvalidSpec, e.Reason);
        Assert.False(Directory.Exists(Path.Combine(fixture.CheckpointRoot, "..", "escape")));
    }

    [Fact]
    public async Task Start_badSpec_isRejectedWithLocatedErrorsAndNothingRuns()
    {
        var spec = TwoSiloClusterFixture.TinySpec(2, P("dense_dropout", "0.3", "1.5")) with { MaxConcurrent = 0 };

        var e = await Assert.ThrowsAsync<SweepRefusedException>(() => fixture.Client.GetGrain<ISweepCoordinatorGrain>("bad").Start(spec));

        Assert.Contains("parameters.dense_dropout.values[1]: 1.5 is outside [0, 1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("max_concurrent: 0 must be at least 1", e.Message, StringComparison.Ordinal);
        Assert.Equal(SweepRefusal.InvalidSpec, e.Reason);
        Assert.Equal(2, e.Problems.Length);
        Assert.Contains("parameters.dense_dropout.values[1]: 1.5 is outside [0, 1)", e.Problems);
        Assert.Equal(SweepState.New, (await fixture.Client.GetGrain<ISweepCoordinatorGrain>("bad").GetStatus()).State);
    }

    private async Task<bool> AllWorkersIdle()
    {
        foreach (var worker in await fixture.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers())
        {
            if ((await fixture.Client.GetGrain<ITrainingWorkerGrain>(worker.WorkerId).GetStatus()).SweepId is not null)
            {
                return false;
            }
        }

        return true;
    }
}
