using AslSweep.Hosting;
using AslSweep.Silo;
using Microsoft.Extensions.Options;

// --check-config: validate the configuration (files, environment, arguments) and exit, for deployments and CI.
bool checkOnly = args.Contains("--check-config", StringComparer.Ordinal);
try
{
    var builder = WebApplication.CreateBuilder(args.Where(a => a != "--check-config").ToArray());
    builder.AddAslSweepSilo();
    if (checkOnly)
    {
        var silo = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        Console.WriteLine($"configuration OK: silo {silo.EffectiveName}, cluster {silo.ClusterId}, clustering {ConfigurationChoices.Spell(silo.Clustering)}, ports {silo.SiloPort}/{silo.GatewayPort}");
        return 0;
    }

    builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
    builder.Services.AddSiloMetrics();

    var app = builder.Build();
    app.MapHealthChecks("/healthz");
    app.MapSiloEndpoints();
    app.Run();
    return 0;
}
catch (OptionsValidationException e)
{
    // Bad configuration: one line per key, no stack trace.
    foreach (string failure in e.Failures)
    {
        Console.Error.WriteLine($"error: {failure}");
    }

    return 2;
}
