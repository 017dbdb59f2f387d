using AslSweep.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AslSweep.Client.Cluster;

/// <summary>An Orleans client connected to a running cluster through one gateway.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects, or throws <see cref="ClusterUnavailableException"/> saying how to start a cluster.</summary>
    public static async Task<ClusterConnection> Connect(ClusterSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.Redis is null ? settings.GatewayEndPoint() : null;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (endpoint is null)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(settings.Redis!));
            }
            else
            {
                client.UseStaticClustering(endpoint);
            }

            if (settings.TlsCertificate is not null)
            {
                var certificate = LoadCertificate(settings);
                client.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate));
            }

            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = ClusterDefaults.ServiceId;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(20), cancellation);
            return new ClusterConnection(host);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"cannot reach a cluster at {settings.Describe()} (cluster id {settings.ClusterId}): {e.Message}. Start one with `dotnet run --project Silo`, or run `aslsweep dev`.", e);
        }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(ClusterSettings settings)
    {
        try
        {
            return ClusterTls.Load(settings.TlsCertificate!, settings.TlsPassword);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new UsageException($"--tls-cert: {e.Message}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (OrleansException)
        {
            // The cluster is gone already; nothing to close politely.
        }

        _host.Dispose();
    }
}
