using System.Net;
using AslSweep.Cluster;

namespace AslSweep.Hosting;

/// <summary>The silo's identity and endpoints (configuration section <c>AslSweep:Silo</c>).</summary>
public sealed class SiloHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AslSweep:Silo";

    /// <summary>The silo's name, unique in the cluster (worker grains are pinned to it); default host-port.</summary>
    public string? Name { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silo port of the primary silo of a localhost cluster (this silo's own port when it is the first).</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>Address advertised to the cluster; loopback unless configured for a real cluster.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Orleans cluster id; clients must use the same.</summary>
    public string ClusterId { get; set; } = ClusterDefaults.ClusterId;

    /// <summary>Orleans service id (stable across deployments, keys persisted state).</summary>
    public string ServiceId { get; set; } = ClusterDefaults.ServiceId;

    /// <summary>
    /// How silos find each other and where grain state and reminders live: <c>localhost</c> (one machine, state in
    /// memory) or <c>redis</c> (membership, grain state and reminders in the Redis of <see cref="Redis"/>).
    /// </summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>StackExchange.Redis connection string for <c>Clustering=redis</c> (never logged: it may hold a password).</summary>
    public string? Redis { get; set; }

    /// <summary>Listen on every interface while advertising <see cref="AdvertisedAddress"/> (containers, NAT). Off by default.</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// Use Orleans' Kubernetes hosting (pod name, IP, cluster and service ids from the pod's environment; pods of
    /// silos declared dead are deleted). Needs <c>Clustering=redis</c> for membership. Off by default.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>PKCS#12 file of the cluster certificate: when set, silos and clients talk mutual TLS (clients need the same file).</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>Password of <see cref="TlsCertificate"/> (never logged).</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// Period of the reminder that keeps a running sweep's coordinator alive: the longest a sweep can wait for its
    /// coordinator to come back after the silo hosting it died when no worker or client calls it meanwhile.
    /// </summary>
    public TimeSpan SweepReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a coordinator asks the workers of its running trials whether they still hold their attempts
    /// (a worker restarted under the same name, or one that gave up reporting, does not; the trial is requeued).
    /// </summary>
    public TimeSpan LivenessPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when the cluster is on Redis.</summary>
    public bool UsesRedis => Clustering == ClusteringKind.Redis;

    /// <summary>
    /// Serve the Orleans dashboard at /dashboard on the silo's HTTP address. It has no authentication: keep the
    /// HTTP address on loopback when it is on. Off by default.
    /// </summary>
    public bool OrleansDashboard { get; set; }

    /// <summary>
    /// Stop the silo when the process with this id ends (a tool that starts silos as its children sets it, the
    /// tests do), so that no silo outlives the run that started it. Unset by default.
    /// </summary>
    public int? ParentProcessId { get; set; }

    /// <summary>The name to use.</summary>
    public string EffectiveName => Name ?? $"{Dns.GetHostName()}-{SiloPort}";

    /// <summary>Every problem, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (key, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort), ("PrimarySiloPort", PrimarySiloPort ?? SiloPort) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add($"{Section}:{key}: {port} is not a port (1-65535)");
            }
        }

        if (ParentProcessId is < 1)
        {
            problems.Add($"{Section}:ParentProcessId: {ParentProcessId} is not a process id");
        }

        if (SiloPort == GatewayPort)
        {
            problems.Add($"{Section}:GatewayPort: must differ from SiloPort ({SiloPort})");
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            problems.Add($"{Section}:AdvertisedAddress: '{AdvertisedAddress}' is not an IP address");
        }

        if (!Enum.IsDefined(Clustering))
        {
            problems.Add($"{Section}:Clustering: not {ConfigurationChoices.Listed<ClusteringKind>()}");
        }

        if (UsesRedis && RedisConnection.Problem(Redis) is { } redisProblem)
        {
            problems.Add($"{Section}:Redis: {redisProblem}");
        }

        if (Kubernetes && !UsesRedis)
        {
            problems.Add($"{Section}:Kubernetes: needs Clustering=redis (Kubernetes hosting is not a membership store)");
        }

        if (TlsCertificate is not null)
        {
            try
            {
                using var certificate = ClusterTls.Load(TlsCertificate, TlsCertificatePassword);
            }
            catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
            {
                problems.Add($"{Section}:TlsCertificate: {e.Message}");
            }
        }

        if (LivenessPeriod < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{Section}:LivenessPeriod: {LivenessPeriod} is shorter than 1 second");
        }

        if (SweepReminderPeriod < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{Section}:SweepReminderPeriod: {SweepReminderPeriod} is shorter than 1 second");
        }

        if (EffectiveName.Length == 0 || EffectiveName.Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"{Section}:Name: '{EffectiveName}' must be non-empty and contain no '/'");
        }

        return problems;
    }
}
