using AslSweep.Cluster;
using AslSweep.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace AslSweep.Hosting;

/// <summary>Puts a silo's membership, grain state and reminders in one Redis.</summary>
public static class RedisSiloBuilderExtensions
{
    /// <summary>Redis clustering, the "sweeps" grain storage (Orleans' own serializer, as the state types are generated for it) and Redis reminders.</summary>
    public static ISiloBuilder UseAslSweepRedis(this ISiloBuilder silo, string connection)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(connection));
        silo.AddRedisGrainStorage(StorageNames.Sweeps, b => b.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = RedisConnection.Parse(connection);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisConnection.Parse(connection));
        return silo;
    }
}
