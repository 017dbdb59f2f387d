using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AslSweep.Grains.Hosting;

/// <summary>A single silo hosted inside another program (the dev cluster, the benchmarks), on free loopback ports.</summary>
public static class InProcessSilo
{
    /// <summary>
    /// Builds (does not start) a host with one silo named <paramref name="name"/>; <paramref name="settings"/> are
    /// configuration keys (e.g. AslSweep:Workers:CpuSlots). Logging is off: the caller owns the console.
    /// </summary>
    public static IHost Build(string name, IDictionary<string, string?> settings, int? gatewayPort = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["AslSweep:Silo:Name"] = name,
            ["AslSweep:Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["AslSweep:Silo:GatewayPort"] = (gatewayPort ?? FreePort()).ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.AddAslSweepSilo();
        return builder.Build();
    }

    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
