using AslSweep.Contracts;
using AslSweep.Hosting;
using AslSweep.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// A real two-silo Orleans cluster in this process, each silo with two simulated CPU devices (four workers),
/// real training, memory storage and a temporary checkpoint root. Shared by every test of the collection.
/// </summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    /// <summary>Workers per silo.</summary>
    public const int DevicesPerSilo = 2;

    private readonly TempFolder _checkpoints = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public string CheckpointRoot => _checkpoints.Path;

    /// <summary>The storage the coordinators and the registry write (memory storage, shared by the silos), for planting and reading records.</summary>
    public IGrainStorage SweepStorage => Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps);

    /// <summary>The grain id of sweep <paramref name="sweep"/>'s coordinator, under which its records are stored.</summary>
    public static GrainId CoordinatorId(string sweep) => GrainId.Create("sweepcoordinator", sweep);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AslSweep:Workers:Devices:0"] = "cpu",
            ["AslSweep:Workers:Devices:1"] = "cpu",
            ["AslSweep:Workers:TorchThreads"] = "1",
            ["AslSweep:Workers:CheckpointRoot"] = CheckpointRoot,
            ["AslSweep:Workers:RegistrationRenewal"] = "00:00:02",
            // A small simulated device: the tiny test models need a few MB; an oversized trial must fail cleanly.
            ["AslSweep:Workers:MemoryCapMegabytes"] = "64",
        }));
        builder.ConfigureSilo((_, silo) => silo.AddAslSweep());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await WaitFor(async () => (await Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers()).Length == 2 * DevicesPerSilo, TimeSpan.FromSeconds(30), "workers registered");
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _checkpoints.Dispose();
    }

    /// <summary>A small synthetic sweep: 72 training and 48 validation images.</summary>
    public static SweepSpec TinySpec(int epochs, params ParameterSpec[] parameters) => new()
    {
        Name = "tiny",
        Data = new DataSpec { Synthetic = true, SyntheticTrainPerClass = 3, SyntheticValidPerClass = 2 },
        Metric = new MetricSpec { LastK = 2 },
        IncludeBaseline = false,
        Parameters = [new ParameterSpec { Name = "epochs", Values = [epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)] }, new ParameterSpec { Name = "filters", Values = ["8,8"] }, new ParameterSpec { Name = "dense_units", Values = ["32"] }, .. parameters],
    };

    /// <summary>Polls the sweep until <paramref name="done"/> holds for its status, or fails after <paramref name="limit"/>.</summary>
    public async Task<SweepStatus> WaitForSweep(string id, Func<SweepStatus, bool> done, TimeSpan limit)
    {
        var coordinator = Client.GetGrain<ISweepCoordinatorGrain>(id);
        SweepStatus status = await coordinator.GetStatus();
        await WaitFor(async () => done(status = await coordinator.GetStatus()), limit, $"sweep {id}");
        return status;
    }

    public static async Task WaitFor(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not reached within {limit}");
            }

            await Task.Delay(100);
        }
    }
}
