using AslSweep.Contracts;
using AslSweep.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AslSweep.Bench;

/// <summary>A single-silo cluster in this process, configured like the dev cluster, for the benchmarks.</summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchCluster(IHost host) => _host = host;

    /// <summary>The co-hosted client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts a silo with the given worker settings and waits until its workers are registered.</summary>
    public static async Task<BenchCluster> Start(IDictionary<string, string?> workers, int expectedWorkers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var host = InProcessSilo.Build("bench", new Dictionary<string, string?>(workers)
        {
            ["AslSweep:Workers:CheckpointRoot"] = Path.Combine(Path.GetTempPath(), $"aslsweep-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"),
        });
        await host.StartAsync();
        var cluster = new BenchCluster(host);
        while ((await cluster.Client.GetGrain<IWorkerRegistryGrain>(0).GetWorkers()).Length < expectedWorkers)
        {
            await Task.Delay(50);
        }

        return cluster;
    }

    /// <summary>Runs <paramref name="spec"/> to completion; returns the wall time from submission to the last trial's end.</summary>
    public async Task<(TimeSpan Elapsed, SweepStatus Status)> Run(string id, SweepSpec spec)
    {
        var coordinator = Client.GetGrain<ISweepCoordinatorGrain>(id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await coordinator.Start(spec);
        SweepStatus status;
        while ((status = await coordinator.GetStatus()).State == SweepState.Running)
        {
            await Task.Delay(20);
        }

        return (clock.Elapsed, status);
    }

    /// <summary>A sweep of <paramref name="trials"/> trials that differ only in their seed, each of <paramref name="epochs"/> epochs.</summary>
    public static SweepSpec SeedSweep(string name, int trials, int epochs, DataSpec? data = null, int maxConcurrent = 16) => new()
    {
        Name = name,
        Data = data ?? new DataSpec(),
        IncludeBaseline = false,
        MaxConcurrent = maxConcurrent,
        Parameters =
        [
            new ParameterSpec { Name = "epochs", Values = [epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)] },
            new ParameterSpec { Name = "seed", Values = [.. Enumerable.Range(1, trials).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] },
        ],
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
