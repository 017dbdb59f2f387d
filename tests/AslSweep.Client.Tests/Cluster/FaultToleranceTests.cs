using System.Diagnostics;
using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;
using Xunit.Abstractions;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// Real silo processes on a real Redis: a silo killed (SIGKILL) mid-trial, the coordinator's silo killed, a silo
/// drained with SIGTERM and Redis frozen for a while. Each sweep must end like the undisturbed one: every trial
/// Completed, every epoch exactly once, the same curves. Detection and recovery times are printed.
/// </summary>
public sealed class FaultToleranceTests(UndisturbedSweepFixture undisturbed, ITestOutputHelper output) : IClassFixture<UndisturbedSweepFixture>, IDisposable
{
    private static readonly TimeSpan Detection = TimeSpan.FromSeconds(90);

    // Usually attempt 2; a start that timed out while the cluster was still declaring the victim dead uses up its
    // number (it may have begun), and the next attempt resumes instead (seen once in CI: attempt 3).
    private const string LaterAttempt = @"attempt (?!1\b)(\d+)";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [MemberData(nameof(FaultSweep.Schedulers), MemberType = typeof(FaultSweep))]
    public void KillSilo_midTrial_trialResumesFromCheckpointOnAnotherSilo(string scheduler)
    {
        using var cluster = Cluster();
        string id = Submit(cluster, scheduler);
        string coordinator = CoordinatorSilo(cluster, id);
        var (victim, trial) = TrialWithCheckpoint(cluster, id, cluster.Names.Where(n => n != coordinator));

        var clock = Stopwatch.StartNew();
        cluster[victim].Kill();
        var survivors = cluster.Names.Where(n => n != victim).ToList();
        // Requeued by the coordinator's next tick, or by its reconciliation when losing the silo also moved it.
        cluster.WaitForAny($@"Sweep {id} trial {trial}: .*; requeued", Detection, survivors);
        var detected = clock.Elapsed;
        var (_, resumed) = cluster.WaitForAny($"starts sweep {id} trial {trial} {LaterAttempt}", Detection, survivors);
        output.WriteLine($"SIGKILL of silo {victim}: requeued after {detected.TotalSeconds:F1} s, resumed on another worker (attempt {resumed.Groups[1].Value}) after {clock.Elapsed.TotalSeconds:F1} s");
        var back = clock.Elapsed;

        FinishAndCompare(cluster, id, scheduler, "SIGKILL of a silo running a trial", $"{detected.TotalSeconds:F0} s (requeued)", $"{back.TotalSeconds:F0} s");
    }

    // Issue 16, item 1: a silo killed and restarted at once under the same name re-registers the same worker keys,
    // so the registry alone cannot tell; the trial stayed Running for good. The liveness check asks the worker.
    [SkippableFact]
    public void KillSilo_andRestartAtOnceUnderTheSameName_trialIsRequeuedAndFinishes()
    {
        using var cluster = Cluster();
        string id = Submit(cluster, "none");
        string coordinator = CoordinatorSilo(cluster, id);
        var (victim, trial) = TrialWithCheckpoint(cluster, id, cluster.Names.Where(n => n != coordinator));

        var clock = Stopwatch.StartNew();
        cluster[victim].Kill();
        cluster.Restart(victim);
        cluster.WaitForAny($@"Sweep {id} trial {trial}: .*; requeued", Detection);
        var detected = clock.Elapsed;
        var (_, resumed) = cluster.WaitForAny($"starts sweep {id} trial {trial} {LaterAttempt}", Detection);
        output.WriteLine($"SIGKILL of silo {victim}, restarted at once: requeued after {detected.TotalSeconds:F1} s, resumed (attempt {resumed.Groups[1].Value}) after {clock.Elapsed.TotalSeconds:F1} s");
        var back = clock.Elapsed;

        FinishAndCompare(cluster, id, "none", "SIGKILL of a silo running a trial, restarted at once under the same name and ports", $"{detected.TotalSeconds:F0} s (requeued)", $"{back.TotalSeconds:F0} s");
    }

    // Issue 16, item 1: a sweep cancelled before the cluster noticed a silo's death kept that silo's trials
    // Running for good (lost workers were dropped only in a running sweep, and the cancel's call to the dead worker
    // failed silently): `watch` and `dev` never returned.
    [SkippableFact]
    public void KillSilo_thenCancelTheSweepAtOnce_everyTrialEndsAndWatchReturns()
    {
        using var cluster = Cluster("a", "b");
        string id = Submit(cluster, "none");
        string coordinator = CoordinatorSilo(cluster, id);
        var (victim, trial) = TrialWithCheckpoint(cluster, id, cluster.Names.Where(n => n != coordinator));

        var clock = Stopwatch.StartNew();
        cluster[victim].Kill();
        var cancel = AslSweepProcess.Run(FaultSweep.Limit, ["cancel", id, .. cluster.ClientArgs]);
        Assert.True(cancel.ExitCode == 0, $"{cancel}\n{cluster.Logs()}");
        var cancelled = clock.Elapsed;
        var watch = AslSweepProcess.Run(FaultSweep.Limit, ["watch", id, .. cluster.ClientArgs]);
        Assert.True(watch.ExitCode == 0, $"{watch}\n{cluster.Logs()}");
        var returned = clock.Elapsed;
        output.WriteLine($"SIGKILL of silo {victim}, sweep cancelled {cancelled.TotalSeconds:F1} s later: watch returned after {returned.TotalSeconds:F1} s");

        var status = AslSweepProcess.Run(FaultSweep.Limit, ["status", id, .. cluster.ClientArgs]);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Cancelled", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", status.Output, StringComparison.Ordinal);
        foreach (string line in cluster.Logs().Split('\n').Where(l => l.Contains($"trial {trial}", StringComparison.Ordinal) && Regex.IsMatch(l, "requeued|cancel|not held")).Take(6))
        {
            output.WriteLine(line.Trim());
        }

        output.WriteLine($"| SIGKILL of a silo, the sweep cancelled at once | none | {cancelled.TotalSeconds:F0} s (cancel answered) | n/a | Cancelled, no trial left Running; watch returned after {returned.TotalSeconds:F0} s |");
    }

    [SkippableTheory]
    [MemberData(nameof(FaultSweep.Schedulers), MemberType = typeof(FaultSweep))]
    public void KillSilo_hostingTheCoordinator_coordinatorReactivatesElsewhereAndFinishes(string scheduler)
    {
        using var cluster = Cluster();
        string id = Submit(cluster, scheduler);
        string coordinator = CoordinatorSilo(cluster, id);
        TrialWithCheckpoint(cluster, id, [coordinator]);

        var clock = Stopwatch.StartNew();
        cluster[coordinator].Kill();
        var survivors = cluster.Names.Where(n => n != coordinator).ToList();
        var (silo, _) = cluster.WaitForAny($"Sweep {id} coordinator resumed on silo", Detection, survivors);
        var resumed = clock.Elapsed;
        cluster.WaitForAny($"starts sweep {id} trial \\d+ {LaterAttempt}", Detection, survivors);
        output.WriteLine($"SIGKILL of the coordinator's silo {coordinator}: coordinator back on {silo} after {resumed.TotalSeconds:F1} s, its lost trial resumed after {clock.Elapsed.TotalSeconds:F1} s");
        var back = clock.Elapsed;

        FinishAndCompare(cluster, id, scheduler, "SIGKILL of the coordinator's silo (running a trial)", $"{resumed.TotalSeconds:F0} s (coordinator back)", $"{back.TotalSeconds:F0} s");
    }

    [SkippableTheory]
    [MemberData(nameof(FaultSweep.Schedulers), MemberType = typeof(FaultSweep))]
    public void TerminateSilo_midTrial_drainsAndTrialContinuesElsewhere(string scheduler)
    {
        using var cluster = Cluster();
        string id = Submit(cluster, scheduler);
        string coordinator = CoordinatorSilo(cluster, id);
        var (victim, trial) = TrialWithCheckpoint(cluster, id, cluster.Names.Where(n => n != coordinator));

        var clock = Stopwatch.StartNew();
        cluster[victim].Signal("TERM");
        Assert.Equal(0, cluster[victim].WaitForExit(TimeSpan.FromSeconds(60)));
        var drained = clock.Elapsed;
        cluster.WaitForAny($"starts sweep {id} trial {trial} {LaterAttempt}", Detection, cluster.Names.Where(n => n != victim));
        output.WriteLine($"SIGTERM of silo {victim}: exited after {drained.TotalSeconds:F1} s, trial {trial} resumed elsewhere after {clock.Elapsed.TotalSeconds:F1} s");
        var back = clock.Elapsed;

        FinishAndCompare(cluster, id, scheduler, "SIGTERM of a silo running a trial", $"{drained.TotalSeconds:F0} s (drained, exit 0)", $"{back.TotalSeconds:F0} s");
    }

    [SkippableTheory]
    [MemberData(nameof(FaultSweep.Schedulers), MemberType = typeof(FaultSweep))]
    public void FreezeRedis_forTenSeconds_siloReconnectsAndNoTrialIsLost(string scheduler)
    {
        using var cluster = Cluster();
        string id = Submit(cluster, scheduler);
        TrialWithCheckpoint(cluster, id, cluster.Names);

        Signals.Send(cluster.Redis.ProcessId, "STOP");
        Thread.Sleep(TimeSpan.FromSeconds(10));
        Signals.Send(cluster.Redis.ProcessId, "CONT");

        FinishAndCompare(cluster, id, scheduler, "Redis frozen (SIGSTOP) for 10 s", "n/a (storage calls time out)", "on SIGCONT");
        Assert.All(cluster.Names, n => Assert.False(cluster[n].HasExited, $"silo {n} exited:\n{cluster[n].Output}"));
        var redisErrors = cluster.Logs().Split('\n').Where(l => l.Contains("Redis", StringComparison.Ordinal) && (l.Contains("Exception", StringComparison.Ordinal) || l.Contains("timeout", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.NotEmpty(redisErrors); // the freeze really hit the silos
        output.WriteLine($"Redis frozen 10 s: {redisErrors.Count} Redis error lines in the silo logs, e.g. {redisErrors.FirstOrDefault()}");
    }

    private RedisSiloCluster Cluster(params string[] names)
    {
        Skip.If(RedisServer.Missing is not null, RedisServer.Missing);
        var cluster = new RedisSiloCluster(_temp);
        cluster.Start(names.Length > 0 ? names : ["a", "b", "c"]);
        return cluster;
    }

    private string Submit(RedisSiloCluster cluster, string scheduler)
    {
        var (result, id) = AslSweepProcess.Submit(FaultSweep.Limit, [FaultSweep.Spec(_temp, scheduler), .. cluster.ClientArgs]);
        Assert.True(result.ExitCode == 0, $"{result}\n{cluster.Logs()}");
        return id;
    }

    private static string CoordinatorSilo(RedisSiloCluster cluster, string id) =>
        cluster.WaitForAny($"Sweep {id} 'faults(-asha)?' started", FaultSweep.Limit).Silo;

    /// <summary>A silo among <paramref name="among"/> running a trial that has written a checkpoint (so it is mid-trial with something to resume).</summary>
    private static (string Silo, int Trial) TrialWithCheckpoint(RedisSiloCluster cluster, string id, IEnumerable<string> among)
    {
        var (silo, match) = cluster.WaitForAny($@"starts sweep {id} trial (\d+) attempt 1", FaultSweep.Limit, among);
        int trial = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + FaultSweep.Limit;
        while (!Directory.Exists(cluster.Checkpoint(id, trial)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of trial {trial}:\n{cluster.Logs()}");
            Thread.Sleep(50);
        }

        return (silo, trial);
    }

    // Waits for the end, compares with the undisturbed run and prints the fault matrix's row (README).
    private void FinishAndCompare(RedisSiloCluster cluster, string id, string scheduler, string fault, string detected, string resumed)
    {
        string folder = _temp.File("results");
        FaultSweep.WaitAndWriteResults(cluster, id, folder);
        FaultSweep.AssertSameAsUndisturbed(folder, undisturbed.Folder(scheduler));
        var states = FaultSweep.TrialRows(folder).Select(r => r.Split(' ')[1]).GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}");
        int fenced = Regex.Count(cluster.Logs(), "was superseded by attempt");
        output.WriteLine($"| {fault} | {scheduler} | {detected} | {resumed} | as undisturbed: {string.Join(", ", states)}, same curves; superseded checkpoint writes refused: {fenced} |");
        // Why trials moved, for the reader of a passing run too.
        foreach (string line in cluster.Logs().Split('\n').Where(l => Regex.IsMatch(l, "requeued|superseded|not held|stopped after epoch")).Take(12))
        {
            output.WriteLine(line.Trim());
        }
    }
}
