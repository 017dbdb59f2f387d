using StackExchange.Redis;

namespace AslSweep.Cluster;

/// <summary>The Redis connection string shared by silos and clients: checked, parsed for resilience, never echoed.</summary>
public static class RedisConnection
{
    /// <summary>What is wrong with <paramref name="connection"/>, without repeating it (it may hold a password); null when usable.</summary>
    public static string? Problem(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return "required when Clustering is redis (e.g. 127.0.0.1:6379 or redis:6379,password=...)";
        }

        try
        {
            return ConfigurationOptions.Parse(connection).EndPoints.Count == 0 ? "names no host:port" : null;
        }
        catch (ArgumentException e)
        {
            return $"not a StackExchange.Redis connection string ({e.Message.Split('\n')[0]})";
        }
    }

    /// <summary>
    /// Parses <paramref name="connection"/> so that a Redis that is down at start or goes away for a while is
    /// retried with backoff instead of failing the silo: StackExchange.Redis reconnects in the background.
    /// </summary>
    public static ConfigurationOptions Parse(string connection)
    {
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        options.ConnectRetry = Math.Max(options.ConnectRetry, 5);
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        return options;
    }
}
