using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// A real multi-node cluster on one machine: a redis-server and real AslSweep.Silo processes with Redis
/// clustering, grain state and reminders, one CPU worker each and one shared checkpoint folder (the "shared
/// volume"). Dispose kills every process, whatever the test did.
/// </summary>
public sealed class RedisSiloCluster : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, AslSweepProcess.Background> _silos = [];
    private readonly Dictionary<string, string[]> _arguments = [];
    private readonly List<(string Name, AslSweepProcess.Background Process)> _ended = [];
    private readonly string _checkpoints;

    public RedisSiloCluster(TempFolder temp)
    {
        ArgumentNullException.ThrowIfNull(temp);
        _checkpoints = temp.File("checkpoints");
        Redis = RedisServer.Start();
    }

    public RedisServer Redis { get; }

    /// <summary>Arguments that point the aslsweep client at this cluster.</summary>
    public string[] ClientArgs => ["--redis", Redis.Connection, "--cluster-id", "faults"];

    public AslSweep.Client.Tests.AslSweepProcess.Background this[string name] => _silos[name];

    public IEnumerable<string> Names => _silos.Keys;

    /// <summary>Starts silos in parallel and waits until each has registered its worker.</summary>
    public void Start(params string[] names)
    {
        foreach (string name in names)
        {
            _arguments[name] = [
                $"--AslSweep:Silo:Name={name}",
                "--AslSweep:Silo:Clustering=redis",
                $"--AslSweep:Silo:Redis={Redis.Connection}",
                "--AslSweep:Silo:ClusterId=faults",
                $"--AslSweep:Silo:SiloPort={FreePorts.Next()}",
                $"--AslSweep:Silo:GatewayPort={FreePorts.Next()}",
                "--AslSweep:Silo:SweepReminderPeriod=00:00:05",
                $"--AslSweep:Workers:CheckpointRoot={_checkpoints}",
                "--AslSweep:Workers:TorchThreads=1",
                $"--Urls=http://127.0.0.1:{FreePorts.Next()}"];
            _silos[name] = AslSweepProcess.StartSilo(_arguments[name]);
        }

        foreach (string name in names)
        {
            _silos[name].WaitForLine("registered 1 workers", StartLimit);
        }
    }

    /// <summary>
    /// Starts silo <paramref name="name"/> again, under the same name and ports, without waiting: as a container
    /// or StatefulSet pod restarted at once. The earlier process's output stays in <see cref="Logs"/>.
    /// </summary>
    public void Restart(string name)
    {
        _ended.Add((name, _silos[name]));
        _silos[name] = AslSweepProcess.StartSilo(_arguments[name]);
    }

    /// <summary>The silo whose output has a line matching <paramref name="pattern"/>, waiting up to <paramref name="limit"/>.</summary>
    public (string Silo, Match Match) WaitForAny(string pattern, TimeSpan limit, IEnumerable<string>? among = null)
    {
        var candidates = (among ?? _silos.Keys).ToList();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            foreach (string name in candidates)
            {
                var match = Regex.Match(_silos[name].Output, pattern, RegexOptions.Multiline);
                if (match.Success)
                {
                    return (name, match);
                }
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"no silo printed {pattern} within {limit}:\n{Logs()}");
    }

    /// <summary>A trial's checkpoint folder (it exists once the trial finished an epoch).</summary>
    public string Checkpoint(string sweepId, int trial) => Path.Combine(_checkpoints, sweepId, $"trial-{trial}", "current");

    /// <summary>Every silo's output, for failure messages.</summary>
    public string Logs() => string.Join("\n", _ended.Select(s => $"===== silo {s.Name} (ended)\n{s.Process.Output}").Concat(_silos.Select(s => $"===== silo {s.Key}\n{s.Value.Output}")));

    public void Dispose()
    {
        foreach (var silo in _silos.Values.Concat(_ended.Select(e => e.Process)))
        {
            silo.Dispose();
        }

        Redis.Dispose();
    }
}
