using AslSweep.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>deploy/k8s: well-formed objects, references that resolve, a GPU per silo pod, and a silo environment the real silo accepts.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly List<YamlMappingNode> Objects =
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "k8s"), "*.yaml").Order(StringComparer.Ordinal).SelectMany(YamlTree.Documents)];

    private static YamlNode Object(string kind, string name) =>
        Objects.Single(o => o.Get("kind").Text() == kind && o.At("metadata", "name").Text() == name);

    private static YamlNode SiloContainer => Object("StatefulSet", "aslsweep-silo").At("spec", "template", "spec", "containers").Items().Single();

    [Fact]
    public void Manifests_everyObject_hasApiVersionKindAndName()
    {
        Assert.True(Objects.Count >= 9, $"{Objects.Count} objects");
        Assert.All(Objects, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Get("apiVersion").Text()));
            Assert.False(string.IsNullOrEmpty(o.Get("kind").Text()));
            Assert.False(string.IsNullOrEmpty(o.At("metadata", "name").Text()));
        });
    }

    [Fact]
    public void Silo_requestsOneGpuAndUsesOrleansKubernetesHosting()
    {
        var set = Object("StatefulSet", "aslsweep-silo");

        Assert.Equal("1", SiloContainer.At("resources", "limits", "nvidia.com/gpu").Text());
        Assert.Equal("1", SiloContainer.At("resources", "requests", "nvidia.com/gpu").Text());
        var labels = set.At("spec", "template", "metadata", "labels");
        Assert.NotNull(labels.Get("orleans/serviceId"));
        Assert.NotNull(labels.Get("orleans/clusterId"));
        var env = SiloContainer.Get("env").Items().Select(e => e.Get("name").Text()).ToHashSet();
        Assert.True(env.IsSupersetOf(["ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "POD_NAMESPACE", "POD_NAME", "POD_IP", "AslSweep__Silo__Kubernetes"]));
        // Kubernetes hosting deletes the pods of dead silos: the service account must be allowed to.
        Assert.Equal(set.At("spec", "template", "spec", "serviceAccountName").Text(), Object("RoleBinding", "aslsweep-silo").Get("subjects").Items().Single().Get("name").Text());
        Assert.Contains("delete", Object("Role", "aslsweep-silo").Get("rules").Items().Single().Get("verbs").Items().Select(v => v.Text()));
    }

    [Fact]
    public void Services_targetNamedPortsOfTheirPods()
    {
        var containerPorts = SiloContainer.Get("ports").Items().Select(p => p.Get("name").Text()).ToHashSet();
        var service = Object("Service", "aslsweep-silo");

        Assert.All(service.At("spec", "ports").Items(), p => Assert.Contains(p.Get("targetPort").Text(), containerPorts));
        Assert.Equal(["gateway", "http"], service.At("spec", "ports").Items().Select(p => p.Get("name").Text()!).Order());
        string claim = Object("StatefulSet", "aslsweep-silo").At("spec", "template", "spec", "volumes").Items().Single().At("persistentVolumeClaim", "claimName").Text()!;
        Assert.NotNull(Object("PersistentVolumeClaim", claim));
    }

    [Fact]
    public void Silo_environmentWithPodValues_passesTheRealSilosConfigurationCheck()
    {
        var secret = Object("Secret", "aslsweep-redis");
        var environment = new Dictionary<string, string>();
        foreach (var variable in SiloContainer.Get("env").Items())
        {
            string name = variable.Get("name").Text()!;
            environment[name] = variable.Get("value").Text() ?? variable.At("valueFrom", "fieldRef", "fieldPath").Text() switch
            {
                "metadata.name" => "aslsweep-silo-0",
                "status.podIP" => "10.1.2.3",
                "metadata.namespace" => "default",
                { } label => label,
                null => secret.At("stringData", variable.At("valueFrom", "secretKeyRef", "key").Text()!).Text()!,
            };
        }

        var check = AslSweepProcess.RunSilo(TimeSpan.FromMinutes(1), environment, "--check-config");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("silo aslsweep-silo-0, cluster aslsweep, clustering redis", check.Output, StringComparison.Ordinal);
    }
}
