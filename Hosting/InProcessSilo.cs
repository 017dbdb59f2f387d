using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AslSweep.Hosting;

/// <summary>
/// A single silo hosted inside another program (the dev cluster, the benchmarks), on free loopback ports, serving
/// Prometheus metrics at <c>/metrics</c> on loopback.
/// </summary>
public static class InProcessSilo
{
    /// <summary>
    /// Builds (does not start) a host with one silo named <paramref name="name"/>; <paramref name="settings"/> are
    /// configuration keys (e.g. AslSweep:Workers:CpuSlots). Logging is off: the caller owns the console.
    /// </summary>
    public static WebApplication Build(string name, IDictionary<string, string?> settings, int? gatewayPort = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The content root is the program's folder: an appsettings.json in the user's working folder must not leak in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["AslSweep:Silo:Name"] = name,
            ["AslSweep:Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["AslSweep:Silo:GatewayPort"] = (gatewayPort ?? FreePort()).ToString(CultureInfo.InvariantCulture),
            ["Urls"] = $"http://127.0.0.1:{FreePort()}",
        });
        builder.Logging.ClearProviders();
        builder.AddAslSweepSilo();
        builder.Services.AddSiloMetrics();
        var app = builder.Build();
        app.MapSiloEndpoints();
        return app;
    }

    /// <summary>The metrics URL of a started in-process silo.</summary>
    public static Uri MetricsUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(new Uri(app.Urls.First()), "/metrics");
    }

    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
