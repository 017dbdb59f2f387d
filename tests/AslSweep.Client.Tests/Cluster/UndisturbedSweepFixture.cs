using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// The fault tests' sweeps, one per scheduler, run once side by side on an undisturbed three-silo Redis cluster:
/// the results they must match.
/// </summary>
public sealed class UndisturbedSweepFixture : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, string> _folders = [];

    public UndisturbedSweepFixture()
    {
        if (RedisServer.Missing is not null)
        {
            return;
        }

        using var cluster = new RedisSiloCluster(_temp);
        cluster.Start("a", "b", "c");
        var ids = new Dictionary<string, string>();
        foreach (string scheduler in FaultSweep.SchedulerTypes)
        {
            var (submit, id) = AslSweepProcess.Submit(FaultSweep.Limit, [FaultSweep.Spec(_temp, scheduler), .. cluster.ClientArgs]);
            Assert.True(submit.ExitCode == 0, $"{submit}\n{cluster.Logs()}");
            ids[scheduler] = id;
        }

        foreach (var (scheduler, id) in ids)
        {
            _folders[scheduler] = _temp.File($"undisturbed-{scheduler}");
            FaultSweep.WaitAndWriteResults(cluster, id, _folders[scheduler]);
            // The sweep really ran across the cluster. Not "every silo": which worker is free first is a race, and a
            // silo that lost it to a quicker one is no fault (the fault tests find their running trial themselves).
            var used = cluster.Names.Where(s => cluster[s].Output.Contains($"starts sweep {id} trial", StringComparison.Ordinal)).ToList();
            Assert.True(used.Count >= 2, $"sweep {id} ran on {used.Count} silo(s) ({string.Join(", ", used)}), not across the cluster:\n{cluster.Logs()}");
        }

        // The ASHA run must hold a stop decision, or comparing decisions proves nothing.
        Assert.Contains(FaultSweep.TrialRows(_folders["asha"]), row => row.Contains(" Stopped ", StringComparison.Ordinal));
    }

    /// <summary>The undisturbed run's results folder for <paramref name="scheduler"/> (none when Redis is missing).</summary>
    public string Folder(string scheduler) => _folders[scheduler];

    public void Dispose() => _temp.Dispose();
}
