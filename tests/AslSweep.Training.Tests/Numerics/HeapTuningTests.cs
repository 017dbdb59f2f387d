using AslSweep.Training.Numerics;

namespace AslSweep.Training.Tests.Numerics;

public sealed class HeapTuningTests
{
    [Fact]
    public void Apply_linuxGlibc_setsBothThresholds()
    {
        Assert.Equal("glibc malloc keeps freed buffers up to 1 GiB (mmap and trim thresholds)", HeapTuning.Apply());
    }
}
