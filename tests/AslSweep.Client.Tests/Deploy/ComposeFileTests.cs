using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml and the Dockerfiles cannot be run here (no Docker daemon): they are checked
/// statically, and each silo's environment is run through the real silo's configuration check.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string DeployFolder = Path.Combine(RepoPaths.Root, "deploy");
    private static readonly YamlDotNet.RepresentationModel.YamlMappingNode Compose = YamlTree.Documents(Path.Combine(DeployFolder, "docker-compose.yml")).Single();

    private static IEnumerable<KeyValuePair<string, YamlDotNet.RepresentationModel.YamlNode>> Services => Compose.Get("services").Entries();

    [Fact]
    public void Compose_everyBuildContextDockerfileAndMountedFile_exists()
    {
        var volumes = Compose.Get("volumes").Entries().Select(v => v.Key).ToHashSet();
        var networks = Compose.Get("networks").Entries().Select(n => n.Key).ToHashSet();
        var services = Services.Select(s => s.Key).ToHashSet();
        int mounts = 0;
        foreach (var (name, service) in Services)
        {
            Assert.True(service.Get("image") is not null || service.Get("build") is not null, $"{name}: neither image nor build");
            if (service.Get("build") is { } build)
            {
                string context = Path.GetFullPath(Path.Combine(DeployFolder, build.Get("context").Text()!));
                Assert.True(File.Exists(Path.Combine(context, build.Get("dockerfile").Text()!)), $"{name}: dockerfile {build.Get("dockerfile").Text()} missing under {context}");
            }

            foreach (string mount in service.Get("volumes").Items().Select(v => v.Text()!))
            {
                string source = mount.Split(':')[0];
                if (source.StartsWith('.'))
                {
                    mounts++;
                    string path = Path.GetFullPath(Path.Combine(DeployFolder, source));
                    // ../sweeps is the client's output folder, created on first use.
                    Assert.True(File.Exists(path) || Directory.Exists(path) || source == "../sweeps", $"{name}: mounted {source} does not exist");
                }
                else
                {
                    Assert.Contains(source, volumes);
                }
            }

            Assert.All(service.Get("depends_on").Items().Select(d => d.Text()!), d => Assert.Contains(d, services));
            Assert.All(service.Get("networks") switch
            {
                YamlDotNet.RepresentationModel.YamlSequenceNode list => list.Children.Select(n => n.Text()!),
                var map => map.Entries().Select(e => e.Key),
            }, n => Assert.Contains(n, networks));
        }

        Assert.True(mounts >= 5, $"only {mounts} file mounts checked");
        Assert.True(services.IsSupersetOf(["redis", "silo-1", "silo-2", "prometheus", "grafana"]));
    }

    [Fact]
    public void Compose_siloEnvironments_passTheRealSilosConfigurationCheck()
    {
        var silos = Services.Where(s => s.Key.StartsWith("silo-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, silos.Count);
        foreach (var (name, service) in silos)
        {
            var environment = service.Get("environment").Entries().ToDictionary(e => e.Key, e => e.Value.Text()!);
            var check = AslSweepProcess.RunSilo(TimeSpan.FromMinutes(1), environment, "--check-config");

            Assert.True(check.ExitCode == 0, $"{name}: {check}");
            Assert.Contains($"silo {name}, cluster aslsweep, clustering redis", check.Output, StringComparison.Ordinal);
            Assert.Equal(service.At("networks", "cluster", "ipv4_address").Text(), environment["AslSweep__Silo__AdvertisedAddress"]);
        }
    }

    [Fact]
    public void Compose_prometheusTargets_areTheSiloServicesOnTheirMetricsPort()
    {
        string prometheus = File.ReadAllText(Path.Combine(DeployFolder, "prometheus", "prometheus.yml"));
        var targets = Target().Matches(prometheus).Select(m => m.Groups[1].Value).ToList();
        string dockerfile = File.ReadAllText(Path.Combine(DeployFolder, "docker", "silo.Dockerfile"));

        Assert.Equal(Services.Select(s => s.Key).Where(s => s.StartsWith("silo-", StringComparison.Ordinal)).Select(s => $"{s}:8080").Order(), targets.Order());
        Assert.Contains("Urls=http://0.0.0.0:8080", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo.Dockerfile", "Silo/AslSweep.Silo.csproj", "AslSweep.Silo.dll", "cpu")]
    [InlineData("silo.cuda.Dockerfile", "Silo/AslSweep.Silo.csproj", "AslSweep.Silo.dll", "cuda")]
    [InlineData("client.Dockerfile", "Client/AslSweep.Client.csproj", "aslsweep.dll", "cpu")]
    public void Dockerfile_publishesAnExistingProjectAndRunsItsAssembly(string file, string project, string assembly, string backend)
    {
        string text = File.ReadAllText(Path.Combine(DeployFolder, "docker", file));

        Assert.Matches(@"(?m)^FROM .* AS build$", text);
        Assert.Contains($"dotnet publish {project} -c Release -o /app -p:TorchBackend={backend}", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, project)), project);
        Assert.Contains($"\"{assembly}\"]", text.Replace("/app/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        string csproj = File.ReadAllText(Path.Combine(RepoPaths.Root, project));
        Assert.Contains($"<AssemblyName>{Path.GetFileNameWithoutExtension(assembly)}</AssemblyName>", csproj, StringComparison.Ordinal);
        // Both executables reference ASP.NET Core (the silo host; the CLI's in-process dev silo): the plain runtime image cannot run them.
        Assert.DoesNotContain("dotnet/runtime:", text, StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:10.0", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"""([a-z0-9-]+:\d+)""")]
    private static partial Regex Target();
}
