using AslSweep.Grains.Hosting;
using AslSweep.Silo;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAslSweepSilo();
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
