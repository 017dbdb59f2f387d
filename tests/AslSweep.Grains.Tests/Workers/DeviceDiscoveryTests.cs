using AslSweep.Grains.Workers;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Tests.Workers;

public sealed class DeviceDiscoveryTests
{
    [Fact]
    public void Discover_simulatedGpus_oneWorkerPerGpuTimesTrialsPerDevice()
    {
        var workers = DeviceDiscovery.Discover("s1", new WorkerOptions { TrialsPerDevice = 2 }, cudaDevices: 2);

        Assert.Equal(["s1/cuda:0/0", "s1/cuda:0/1", "s1/cuda:1/0", "s1/cuda:1/1"], workers.Select(w => w.WorkerId).ToArray());
        Assert.All(workers, w => Assert.Equal("s1", w.Silo));
    }

    [Fact]
    public void Discover_noGpu_usesCpuSlotsAndDividesThreads()
    {
        var options = new WorkerOptions { CpuSlots = 2 };

        var workers = DeviceDiscovery.Discover("s1", options, cudaDevices: 0);

        Assert.Equal(["s1/cpu/0", "s1/cpu/1"], workers.Select(w => w.WorkerId).ToArray());
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), DeviceDiscovery.TorchThreads(options, workers));
    }

    [Fact]
    public void Discover_explicitList_overridesDiscovery()
    {
        var workers = DeviceDiscovery.Discover("s2", new WorkerOptions { Devices = ["cuda:1", "cpu", "cuda:1"] }, cudaDevices: 8);

        Assert.Equal(["s2/cuda:1/0", "s2/cpu/0", "s2/cuda:1/1"], workers.Select(w => w.WorkerId).ToArray());
        Assert.Equal(1, WorkerKey.Parse(workers[2].WorkerId).Slot);
    }

    [Fact]
    public void Discover_cudaBuildWithoutUsableGpu_refusesToStartCpuWorkersNamingTheReason()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DeviceDiscovery.Discover("s1", new WorkerOptions(), cudaDevices: 0, buildBackend: "cuda", cudaProblem: "libcudart.so.12: cannot open shared object file"));

        Assert.Equal("AslSweep:Workers:Devices", error.OptionsName);
        Assert.Contains("this is a CUDA build (-p:TorchBackend=cuda) but CUDA cannot be used here (libcudart.so.12: cannot open shared object file)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_cudaBuildWithCpuConfigured_startsCpuWorkersDeliberately()
    {
        var workers = DeviceDiscovery.Discover("s1", new WorkerOptions { Devices = ["cpu"] }, cudaDevices: 0, buildBackend: "cuda");

        Assert.Equal(["s1/cpu/0"], workers.Select(w => w.WorkerId).ToArray());
    }

    [Fact]
    public void Validate_unknownCpuBackend_namesKeyAndChoices()
    {
        var result = new WorkerOptionsValidator().Validate(null, new WorkerOptions { CpuBackend = "mkl" });

        Assert.Contains("AslSweep:Workers:CpuBackend: 'mkl' is not one of native, onednn, onednn-sse41", result.Failures!);
    }

    [Fact]
    public void Validate_badDevicesAndCounts_namesConfigurationKeys()
    {
        var result = new WorkerOptionsValidator().Validate(null, new WorkerOptions { Devices = ["gpu0"], TrialsPerDevice = 0 });

        Assert.True(result.Failed);
        Assert.Contains("AslSweep:Workers:Devices:0: 'gpu0' is not cpu or cuda:N", result.Failures!);
        Assert.Contains("AslSweep:Workers:TrialsPerDevice: 0 must be at least 1", result.Failures!);
    }

    [Fact]
    public void Validate_defaults_pass()
    {
        Assert.Equal(ValidateOptionsResult.Success, new WorkerOptionsValidator().Validate(null, new WorkerOptions()));
    }
}
