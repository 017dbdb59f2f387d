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
        // Every silo took a trial: the sweep really ran across the cluster.
        foreach (string silo in cluster.Names)
        {
            Assert.Matches($"starts sweep {id} trial", cluster[silo].Output);
        }
    }

    /// <summary>The undisturbed run's results folder (null when Redis is missing).</summary>
    public string? Folder { get; }

    public void Dispose() => _temp.Dispose();
}
