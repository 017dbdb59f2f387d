using System.ComponentModel;
using System.Net;
using AslSweep.Cluster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AslSweep.Client.Cluster;

/// <summary>Options of the verbs that talk to a running cluster.</summary>
public class ClusterSettings : CommandSettings
{
    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Redis is not null && AslSweep.Cluster.RedisConnection.Problem(Redis) is { } problem)
        {
            return ValidationResult.Error($"--redis: {problem}");
        }

        if (TlsCertificate is not null && !File.Exists(TlsCertificate))
        {
            return ValidationResult.Error($"--tls-cert: {TlsCertificate}: no such file");
        }

        return base.Validate();
    }

    [CommandOption("--gateway <HOST:PORT>")]
    [Description("A silo's client gateway.")]
    [DefaultValue("127.0.0.1:30000")]
    public string Gateway { get; init; } = "127.0.0.1:30000";

    [CommandOption("--cluster-id <ID>")]
    [Description("The cluster's id (AslSweep:Silo:ClusterId of the silos).")]
    [DefaultValue("aslsweep-dev")]
    public string ClusterId { get; init; } = ClusterDefaults.ClusterId;

    [CommandOption("--redis <CONNECTION>")]
    [Description("Find the gateways through the cluster's Redis (silos with AslSweep:Silo:Clustering=redis) instead of --gateway. Default: $ASLSWEEP_REDIS.")]
    public string? Redis { get; init; } = Environment.GetEnvironmentVariable("ASLSWEEP_REDIS") is { Length: > 0 } redis ? redis : null;

    [CommandOption("--tls-cert <PFX>")]
    [Description("The cluster's certificate (PKCS#12) when its silos use TLS (AslSweep:Silo:TlsCertificate). Default: $ASLSWEEP_TLS_CERT.")]
    public string? TlsCertificate { get; init; } = Environment.GetEnvironmentVariable("ASLSWEEP_TLS_CERT") is { Length: > 0 } path ? path : null;

    [CommandOption("--tls-password <PASSWORD>")]
    [Description("Its password. Default: $ASLSWEEP_TLS_PASSWORD (prefer the variable: arguments show in process lists).")]
    public string? TlsPassword { get; init; } = Environment.GetEnvironmentVariable("ASLSWEEP_TLS_PASSWORD");

    /// <summary>Where the client looks for gateways, for messages (the Redis connection string is not shown: it may hold a password).</summary>
    public string Describe() => Redis is null ? Gateway : "the gateways registered in Redis";

    /// <summary>The gateway endpoint; throws <see cref="UsageException"/> naming the option.</summary>
    public IPEndPoint GatewayEndPoint()
    {
        int colon = Gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(Gateway.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
        {
            throw new UsageException($"--gateway: '{Gateway}' is not host:port");
        }

        string host = Gateway[..colon];
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            return new IPEndPoint(Dns.GetHostAddresses(host)[0], port);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IndexOutOfRangeException)
        {
            throw new UsageException($"--gateway: cannot resolve '{host}'");
        }
    }
}
