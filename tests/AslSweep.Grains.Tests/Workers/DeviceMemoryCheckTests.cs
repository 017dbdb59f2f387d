using AslSweep.Grains.Workers;

namespace AslSweep.Grains.Tests.Workers;

public sealed class DeviceMemoryCheckTests
{
    [Fact]
    public void Problem_overTheCap_namesTheSetting()
    {
        string? problem = DeviceMemoryCheck.Problem("cpu", 100L << 20, capMegabytes: 64, freeBytes: null);

        Assert.Equal("cpu out of memory: this trial needs about 100 MB, the worker's cap is 64 MB (AslSweep:Workers:MemoryCapMegabytes)", problem);
    }

    [Fact]
    public void Problem_moreThanTheGpuHasFree_namesNvmlsReading()
    {
        string? problem = DeviceMemoryCheck.Problem("cuda:1", 900L << 20, capMegabytes: 0, freeBytes: 700L << 20);

        Assert.Equal("cuda:1 out of memory: this trial needs about 900 MB, NVML reports 700 MB free on the device", problem);
    }

    [Fact]
    public void Problem_fits_isNull()
    {
        Assert.Null(DeviceMemoryCheck.Problem("cuda:0", 900L << 20, capMegabytes: 1024, freeBytes: 8L << 30));
    }
}
