using System.Diagnostics;
using static TorchSharp.torch;

namespace AslSweep.Training.Numerics;

/// <summary>The machine's raw float32 speed: SGEMM through torch.mm, the yardstick training throughput is held to.</summary>
public static class MachineSpeed
{
    /// <summary>Side of the square float32 matrices.</summary>
    public const int SgemmSide = 1024;

    /// <summary>GFLOP/s of <see cref="SgemmSide"/>^2 float32 products over <paramref name="window"/>, after three warm-up products.</summary>
    public static double SgemmGflops(TimeSpan window)
    {
        const int n = SgemmSide;
        using var a = randn(n, n);
        using var b = randn(n, n);
        for (int i = 0; i < 3; i++)
        {
            using var warm = mm(a, b);
        }

        int reps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < window)
        {
            using var c = mm(a, b);
            reps++;
        }

        return 2.0 * n * n * n * reps / clock.Elapsed.TotalSeconds / 1e9;
    }
}
