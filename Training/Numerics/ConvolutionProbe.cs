using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Numerics;

/// <summary>
/// Checks the convolutions the seed CNN trains with (its three blocks at batch 32: 1→75 on 28x28, 75→50 on 14x14,
/// 50→25 on 7x7, kernel 3, padding 1), forward and backward, several times on the backend in force, against a
/// float64 reference (which never runs on oneDNN). Before every repetition memory filled with NaN is allocated
/// and freed, so a kernel that reads memory it never wrote (the oneDNN fault seen on AMD Zen 5) returns NaN
/// instead of passing by luck on zeroed pages.
/// </summary>
public sealed class ConvolutionProbe
{
    /// <summary>Relative tolerance of float32 against the float64 reference (float32's error here is ~1e-6).</summary>
    public const double Tolerance = 1e-4;

    private static readonly (long InChannels, long OutChannels, long Side)[] Shapes = [(1, 75, 28), (75, 50, 14), (50, 25, 7)];
    private static readonly long[] PoisonSizes = [16 << 10, 256 << 10, 1 << 20, 2 << 20];
    private const long Batch = 32;
    private readonly int _repetitions;
    private readonly bool _injectFault;

    /// <summary>
    /// A probe of <paramref name="repetitions"/> forward and backward passes per shape (two: the fault seen on Zen 5
    /// showed in the first repetition of every failing probe, and each costs ~0.2 s on 2 cores). <paramref name="injectFault"/>
    /// puts a NaN into every convolution result it checks, as the faulty kernel does (for tests of the fallback).
    /// </summary>
    public ConvolutionProbe(int repetitions = 2, bool injectFault = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        _repetitions = repetitions;
        _injectFault = injectFault;
    }

    /// <summary>Runs the probe on the backend currently in force.</summary>
    public ProbeResult Run()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var scalars = new HeldScalars();
            using var generator = new Generator(20260, CPU);
            var nan = scalars.Of(double.NaN);
            foreach (var (inChannels, outChannels, side) in Shapes)
            {
                string? finding = CheckShape(inChannels, outChannels, side, generator, scalars, nan);
                if (finding is not null)
                {
                    return new ProbeResult(false, finding, clock.Elapsed);
                }
            }

            return new ProbeResult(true, $"{Shapes.Length} convolution shapes x {_repetitions} forward and backward passes within {Tolerance:G1} of float64", clock.Elapsed);
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or InvalidOperationException or ArgumentException)
        {
            return new ProbeResult(false, $"the convolution failed: {e.Message.Split('\n')[0]}", clock.Elapsed);
        }
    }

    private string? CheckShape(long inChannels, long outChannels, long side, Generator generator, HeldScalars scalars, Scalar nan)
    {
        using var scope = NewDisposeScope();
        string shape = $"conv {Batch}x{inChannels}x{side}x{side} * {outChannels}x{inChannels}x3x3";
        var x = randn([Batch, inChannels, side, side], generator: generator);
        var w = randn([outChannels, inChannels, 3, 3], generator: generator).mul_(scalars.Of(1.0 / Math.Sqrt(inChannels * 9)));
        var b = randn([outChannels], generator: generator);
        var upstream = randn([Batch, outChannels, side, side], generator: generator);
        var (yRef, dxRef, dwRef) = Pass(x.to(float64), w.to(float64), b.to(float64), upstream.to(float64));
        for (int repetition = 1; repetition <= _repetitions; repetition++)
        {
            Poison(nan);
            var (y, dx, dw) = Pass(x, w, b, upstream);
            string? wrong = Compare("forward", y, yRef) ?? Compare("backward (input gradient)", dx, dxRef) ?? Compare("backward (weight gradient)", dw, dwRef);
            if (wrong is not null)
            {
                return $"{shape}, repetition {repetition} of {_repetitions}: {wrong}";
            }
        }

        return null;
    }

    private (Tensor Output, Tensor InputGradient, Tensor WeightGradient) Pass(Tensor x, Tensor w, Tensor b, Tensor upstream)
    {
        var input = x.detach().requires_grad_(true);
        var weight = w.detach().requires_grad_(true);
        var output = nn.functional.conv2d(input, weight, b, padding: [1, 1]);
        output.backward([upstream]);
        return (Faulty(output.detach()), Faulty(input.grad!), Faulty(weight.grad!));
    }

    private Tensor Faulty(Tensor result)
    {
        if (_injectFault)
        {
            result.view(-1)[0] = tensor(float.NaN, result.dtype);
        }

        return result;
    }

    private static string? Compare(string pass, Tensor actual, Tensor reference)
    {
        long nonFinite = actual.isfinite().logical_not().sum().item<long>();
        if (nonFinite > 0)
        {
            return $"{pass}: {nonFinite} of {actual.numel()} values are NaN or infinite";
        }

        double scale = Math.Max(1e-12, reference.abs().max().item<double>());
        double error = (actual.to(float64) - reference).abs().max().item<double>() / scale;
        return error > Tolerance ? $"{pass}: off by {error:G3} of the largest value (tolerance {Tolerance:G1})" : null;
    }

    /// <summary>Leaves freed heap memory full of NaN, where the next allocations come from.</summary>
    private static void Poison(Scalar nan)
    {
        foreach (long size in PoisonSizes)
        {
            using var junk = full([size], nan, float32);
        }
    }
}
