using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace AslSweep.Hosting;

/// <summary>The HTTP endpoints every silo host serves.</summary>
public static class SiloEndpointExtensions
{
    /// <summary>Maps /metrics (Prometheus) and, when <c>AslSweep:Silo:OrleansDashboard</c> is on, the Orleans dashboard at /dashboard.</summary>
    public static WebApplication MapSiloEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint();
        if (app.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>()?.OrleansDashboard == true)
        {
            app.MapOrleansDashboard("/dashboard");
        }

        return app;
    }
}
