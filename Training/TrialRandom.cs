using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training;

/// <summary>
/// Every random draw of a training run (dropout masks, augmentation), from one CPU generator, copied to the device
/// that uses it. TorchSharp 0.107's <see cref="Generator"/> is always a CPU generator whatever device it is given
/// (its native THSGenerator_new ignores the device: "TODO: Support creation of GPU RNGs"), and libtorch refuses a
/// CPU generator for a CUDA tensor ("Expected a 'cuda' device type for generator but found 'cpu'"). Drawing on the
/// CPU makes the numbers the same on every device and a pure function of (seed, epoch); on the CPU the copy is a
/// no-op, so CPU runs take exactly this path too.
/// </summary>
public sealed class TrialRandom : IDisposable
{
    private readonly Generator _generator;

    /// <summary>A source seeded with <paramref name="seed"/>.</summary>
    public TrialRandom(long seed)
    {
        _generator = new Generator((ulong)seed, CPU);
    }

    /// <summary>Reseeds the source (every epoch, so a resumed run draws what an uninterrupted one draws).</summary>
    public void Reseed(long seed) => _generator.manual_seed(seed);

    /// <summary>A float32 tensor of 1s (probability <paramref name="p"/>) and 0s on <paramref name="device"/>.</summary>
    public Tensor Bernoulli(long[] shape, double p, Device device)
    {
        var draw = empty(shape, ScalarType.Float32, CPU).bernoulli_(p, _generator);
        return OnDevice(draw, device);
    }

    /// <summary>A float32 tensor uniform on [0, 1) on <paramref name="device"/>.</summary>
    public Tensor Uniform(long[] shape, Device device) => OnDevice(rand(shape, ScalarType.Float32, CPU, generator: _generator), device);

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();

    private static Tensor OnDevice(Tensor draw, Device device)
    {
        if (device.type == DeviceType.CPU)
        {
            return draw;
        }

        using (draw)
        {
            return draw.to(device, non_blocking: true);
        }
    }
}
