using AslSweep.Cluster;
using AslSweep.Hosting;
using Microsoft.Extensions.Configuration;

namespace AslSweep.Grains.Tests.Hosting;

public sealed class SiloHostOptionsTests
{
    [Fact]
    public void Validate_defaults_noProblem()
    {
        Assert.Empty(new SiloHostOptions { Name = "a" }.Validate());
    }

    [Fact]
    public void Validate_redisWithoutConnection_namesTheKey()
    {
        var problems = new SiloHostOptions { Name = "a", Clustering = ClusteringKind.Redis }.Validate();

        Assert.Equal("AslSweep:Silo:Redis: required when Clustering is redis (e.g. 127.0.0.1:6379 or redis:6379,password=...)", Assert.Single(problems));
    }

    [Fact]
    public void Validate_undefinedClusteringAndShortReminder_reportsBoth()
    {
        var problems = new SiloHostOptions { Name = "a", Clustering = (ClusteringKind)7, SweepReminderPeriod = TimeSpan.FromMilliseconds(10) }.Validate();

        Assert.Contains("AslSweep:Silo:Clustering: not localhost or redis", problems);
        Assert.Contains(problems, p => p.StartsWith("AslSweep:Silo:SweepReminderPeriod:", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigurationChoices_wordNoMemberNames_isNamedWithTheChoicesBeforeBinding()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AslSweep:Silo:Clustering"] = "consul",
            ["AslSweep:Workers:Trainer"] = "Simulated",
        }).Build();

        Assert.Equal(["AslSweep:Silo:Clustering: 'consul' is not localhost or redis"], ConfigurationChoices.Problems<SiloHostOptions>(configuration, SiloHostOptions.Section));
        Assert.Empty(ConfigurationChoices.Problems<AslSweep.Grains.Workers.WorkerOptions>(configuration, "AslSweep:Workers"));
    }

    [Fact]
    public void Problem_badConnectionWithPassword_doesNotEchoThePassword()
    {
        string? problem = RedisConnection.Problem("127.0.0.1:6379,password=hunter2,bogus=1");

        Assert.NotNull(problem);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_goodConnection_retriesInsteadOfAborting()
    {
        var options = RedisConnection.Parse("127.0.0.1:6379,password=x");

        Assert.False(options.AbortOnConnectFail);
        Assert.Single(options.EndPoints);
        Assert.Null(RedisConnection.Problem("127.0.0.1:6379,password=x"));
    }
}
