using AslSweep.Grains.Hosting;
using AslSweep.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddAslSweepSilo();
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.Run();
