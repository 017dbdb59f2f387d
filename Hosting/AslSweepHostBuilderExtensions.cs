using System.Net;
using AslSweep.Cluster;
using AslSweep.Grains.Coordination;
using AslSweep.Grains.Workers;
using AslSweep.Sweeps.Specs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AslSweep.Hosting;

/// <summary>Makes a host an AslSweep silo: the Silo executable and the in-process dev cluster share this.</summary>
public static class AslSweepHostBuilderExtensions
{
    /// <summary>
    /// Adds an Orleans silo with localhost clustering (a single-node cluster, or several on one machine through
    /// <see cref="SiloHostOptions.PrimarySiloPort"/>) or Redis clustering, the AslSweep grains and a 30 s
    /// shutdown for draining.
    /// Throws <see cref="OptionsValidationException"/> naming the bad keys.
    /// </summary>
    public static IHostApplicationBuilder AddAslSweepSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A word no choice knows would make the binder throw with a type name: say it as a setting problem first.
        var badChoices = ConfigurationChoices.Problems<SiloHostOptions>(builder.Configuration, SiloHostOptions.Section)
            .Concat(ConfigurationChoices.Problems<WorkerOptions>(builder.Configuration, WorkerOptions.Section))
            .ToList();
        if (badChoices.Count > 0)
        {
            throw new OptionsValidationException(SiloHostOptions.Section, typeof(SiloHostOptions), badChoices);
        }

        var options = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        // Report every bad key at once, before anything starts (the worker options are validated on start too).
        var workers = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var workerCheck = new WorkerOptionsValidator().Validate(null, workers);
        var problems = options.Validate().Concat(workerCheck.Failed ? workerCheck.Failures : [])
            .Concat((builder.Configuration.GetSection(SweepLimitsOptions.Section).Get<SweepLimitsOptions>() ?? new SweepLimitsOptions()).Validate())
            .Concat(UnknownSettings.Of<SweepLimitsOptions>(builder.Configuration, SweepLimitsOptions.Section))
            .Concat(UnknownSettings.Of<SiloHostOptions>(builder.Configuration, SiloHostOptions.Section))
            .Concat(UnknownSettings.Of<WorkerOptions>(builder.Configuration, WorkerOptions.Section))
            .ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(SiloHostOptions.Section, typeof(SiloHostOptions), problems);
        }

        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(30));
        if (options.ParentProcessId is int parent)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ParentProcessWatch>(sp, parent));
        }

        builder.UseOrleans(silo =>
        {
            var address = IPAddress.Parse(options.AdvertisedAddress);
            if (options.UsesRedis)
            {
                silo.UseAslSweepRedis(options.Redis!);
                silo.Configure<ClusterOptions>(c =>
                {
                    c.ClusterId = options.ClusterId;
                    c.ServiceId = options.ServiceId;
                });
                silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, options.ListenOnAnyAddress);
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, new IPEndPoint(address, options.PrimarySiloPort ?? options.SiloPort), options.ServiceId, options.ClusterId);
                silo.Configure<EndpointOptions>(e => e.AdvertisedIPAddress = address);
            }

            silo.Configure<SiloOptions>(s => s.SiloName = options.EffectiveName);
            silo.Configure<ReminderOptions>(r => r.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(r.MinimumReminderPeriod.Ticks, options.SweepReminderPeriod.Ticks)));
            silo.Services.Configure<SweepCoordinatorOptions>(c =>
            {
                c.ReminderPeriod = options.SweepReminderPeriod;
                c.LivenessPeriod = options.LivenessPeriod;
            });
            silo.AddAslSweep();
            if (options.TlsCertificate is not null)
            {
                var certificate = ClusterTls.Load(options.TlsCertificate, options.TlsCertificatePassword);
                silo.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate));
            }

            if (options.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }

            if (options.OrleansDashboard)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }
}
