using AslSweep.Training.Devices;

namespace AslSweep.Training.Tests.Devices;

public sealed class NvmlGpuTests
{
    [Fact]
    public void TryOpen_withoutNvidiaDriver_isNullWithReason_elseReadsEveryDevice()
    {
        using var gpu = NvmlGpu.TryOpen(out string reason);

        if (gpu is null)
        {
            // CPU hosts (these machines): absent cleanly, no exception, a reason for the logs.
            Assert.False(string.IsNullOrWhiteSpace(reason));
            return;
        }

        for (int i = 0; i < gpu.Visible.Count; i++)
        {
            var reading = gpu.Read(i);
            Assert.NotNull(reading);
            Assert.InRange(reading.Value.Utilization, 0, 1);
            Assert.True(reading.Value.MemoryUsed >= 0 && reading.Value.MemoryFree >= 0);
        }
    }
}
