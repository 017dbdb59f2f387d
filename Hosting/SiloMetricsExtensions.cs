using AslSweep.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AslSweep.Hosting;

/// <summary>OpenTelemetry metrics of a silo, served at <c>/metrics</c> for Prometheus.</summary>
public static class SiloMetricsExtensions
{
    /// <summary>AslSweep's meter, Orleans' own meter, and the .NET runtime and process instrumentation.</summary>
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SweepMetrics.MeterName, "Microsoft.Orleans")
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
