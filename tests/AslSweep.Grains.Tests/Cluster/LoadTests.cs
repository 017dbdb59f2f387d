using System.Diagnostics;
using AslSweep.Contracts;
using AslSweep.Hosting;
using AslSweep.Sweeps.Bookkeeping;
using AslSweep.Sweeps.Specs;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Load on a real two-silo cluster with the simulated trainer (8 workers): 20 sweeps at once, a cancel storm on
/// half of them, the client killed and reconnected. Every sweep must end, the concurrent-sweeps limit must hold,
/// idle coordinators must deactivate, and memory must stay bounded (printed).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Sweeps = 20;
    private InProcessTestCluster _cluster = null!;

    private IClusterClient Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AslSweep:Workers:Devices:0"] = "cpu",
            ["AslSweep:Workers:Devices:1"] = "cpu",
            ["AslSweep:Workers:Devices:2"] = "cpu",
            ["AslSweep:Workers:Devices:3"] = "cpu",
            ["AslSweep:Workers:Trainer"] = "simulated",
            ["AslSweep:Workers:SimulatedEpochSeconds"] = "0.02",
            ["AslSweep:Workers:RegistrationRenewal"] = "00:00:02",
            [$"{SweepLimitsOptions.Section}:MaxConcurrentSweeps"] = Sweeps.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        builder.ConfigureSilo((_, silo) => silo.AddAslSweep());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        await TwoSiloClusterFixture.WaitFor(async () => (await Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers()).Length == 8, TimeSpan.FromSeconds(30), "workers registered");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static SweepSpec Spec(int i) => TwoSiloClusterFixture.TinySpec(20, new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5"] }) with { Name = $"load-{i}" };

    [Fact]
    public async Task TwentySweeps_cancelStormAndClientRestart_allEndLimitHoldsCoordinatorsDeactivate()
    {
        GC.Collect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Sweeps).Select(i => Client.GetGrain<ISweepCoordinatorGrain>($"load-{i}").Start(Spec(i))));
        var refused = await Assert.ThrowsAsync<SweepRefusedException>(() => Client.GetGrain<ISweepCoordinatorGrain>("load-extra").Start(Spec(99)));
        Assert.StartsWith($"sweep refused: the cluster already runs {Sweeps} sweeps", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SweepRefusal.ClusterBusy, refused.Reason);

        // A storm: every other sweep cancelled twice at once, while the client is killed and replaced.
        var storm = Enumerable.Range(0, Sweeps).Where(i => i % 2 == 0).SelectMany(i => new[] { i, i }).Select(i => Client.GetGrain<ISweepCoordinatorGrain>($"load-{i}").Cancel());
        await Task.WhenAll(storm);
        await _cluster.KillClientAsync();
        await _cluster.InitializeClientAsync();

        // Ended means every trial terminal too: a cancelled sweep with a trial still Running has not ended (watch
        // and dev wait for its trials), so counting it as ended would let this test pass over that defect.
        var states = new SweepState[Sweeps];
        var unfinished = new int[Sweeps];
        await TwoSiloClusterFixture.WaitFor(async () =>
        {
            for (int i = 0; i < Sweeps; i++)
            {
                var status = await Client.GetGrain<ISweepCoordinatorGrain>($"load-{i}").GetStatus();
                states[i] = status.State;
                unfinished[i] = status.Trials.Count(t => !SweepBook.IsFinal(t.State));
            }

            return states.All(s => s != SweepState.Running) && unfinished.All(n => n == 0);
        }, TimeSpan.FromMinutes(3), "every sweep ended with every trial terminal");
        var elapsed = clock.Elapsed;

        Assert.All(Enumerable.Range(0, Sweeps), i => Assert.Equal(i % 2 == 0 ? SweepState.Cancelled : SweepState.Completed, states[i]));
        foreach (int i in Enumerable.Range(0, Sweeps).Where(i => i % 2 == 1))
        {
            var status = await Client.GetGrain<ISweepCoordinatorGrain>($"load-{i}").GetStatus();
            Assert.All(status.Trials, t => Assert.Equal(Enumerable.Range(1, 20), t.Epochs.Select(e => e.Epoch)));
        }

        // Ended sweeps free their places: a new one is admitted.
        await Client.GetGrain<ISweepCoordinatorGrain>("load-extra").Start(Spec(99));
        await Client.GetGrain<ISweepCoordinatorGrain>("load-extra").Cancel();

        // Nothing keeps an ended coordinator alive: once idle it is collected like any grain.
        var management = Client.GetGrain<IManagementGrain>(0);
        int coordinators = 0;
        await TwoSiloClusterFixture.WaitFor(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.FromSeconds(1));
            var statistics = await management.GetDetailedGrainStatistics();
            coordinators = statistics.Count(s => s.GrainType.Contains("SweepCoordinatorGrain", StringComparison.Ordinal));
            return coordinators == 0;
        }, TimeSpan.FromSeconds(60), "coordinators deactivated");

        GC.Collect();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"{Sweeps} sweeps x 5 trials x 20 simulated epochs on 8 workers ended in {elapsed.TotalSeconds:F1} s; managed heap {before / 1048576.0:F1} -> {after / 1048576.0:F1} MB; peak working set of the test process {peak / 1048576.0:F0} MB");
        Assert.True(after - before < 100L * 1024 * 1024, $"managed heap grew by {(after - before) / 1048576.0:F1} MB");
    }
}
