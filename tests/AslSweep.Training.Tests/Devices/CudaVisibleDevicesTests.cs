using AslSweep.Training.Devices;

namespace AslSweep.Training.Tests.Devices;

public sealed class CudaVisibleDevicesTests
{
    [Fact]
    public void Map_unset_everyNvmlDeviceInOrder()
    {
        Assert.Equal([new NvmlDeviceRef(0, null), new NvmlDeviceRef(1, null)], CudaVisibleDevices.Map(null, 2));
    }

    [Fact]
    public void Map_indices_cudaOrdinalNamesTheListedGpu()
    {
        var map = CudaVisibleDevices.Map("3,1", 4);

        Assert.Equal([new NvmlDeviceRef(3, null), new NvmlDeviceRef(1, null)], map);
    }

    [Fact]
    public void Map_uuidsAndMig_lookedUpByUuid()
    {
        var map = CudaVisibleDevices.Map("GPU-8f6a2c1e-0000-1111-2222-333344445555, MIG-1a2b", 1);

        Assert.Equal("GPU-8f6a2c1e-0000-1111-2222-333344445555", map[0].Uuid);
        Assert.Equal("MIG-1a2b", map[1].Uuid);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("-1", 0)]
    [InlineData("NoDevFiles", 0)]
    [InlineData("2,7,0", 1)]
    [InlineData("1,1,0", 1)]
    public void Map_invalidEntry_endsTheListLikeCuda(string visible, int count)
    {
        Assert.Equal(count, CudaVisibleDevices.Map(visible, 4).Count);
    }
}
