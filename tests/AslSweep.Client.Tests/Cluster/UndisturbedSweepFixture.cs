using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>The fault tests' sweep run once on an undisturbed three-silo Redis cluster: the results they must match.</summary>
public sealed class UndisturbedSweepFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public UndisturbedSweepFixture()
    {
        if (RedisServer.Missing is not null)
        {
            return;
        }

        using var cluster = new RedisSiloCluster(_temp);
        cluster.Start("a", "b", "c");
        var (submit, id) = AslSweepProcess.Submit(FaultSweep.Limit, [FaultSweep.Spec(_temp), .. cluster.ClientArgs]);
        Assert.True(submit.ExitCode == 0, $"{submit}\n{cluster.Logs()}");
        Folder = _temp.File("undisturbed");
        FaultSweep.WaitAndWriteResults(cluster, id, Folder);
        // The sweep really ran across the cluster. Not "every silo": which worker is free first is a race, and a
        // silo that lost it to a quicker one is no fault (the fault tests find their running trial themselves).
        var used = cluster.Names.Where(s => cluster[s].Output.Contains($"starts sweep {id} trial", StringComparison.Ordinal)).ToList();
        Assert.True(used.Count >= 2, $"the sweep ran on {used.Count} silo(s) ({string.Join(", ", used)}), not across the cluster:\n{cluster.Logs()}");
    }

    /// <summary>The undisturbed run's results folder (null when Redis is missing).</summary>
    public string? Folder { get; }

    public void Dispose() => _temp.Dispose();
}
