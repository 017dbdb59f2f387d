using static TorchSharp.torch;

namespace AslSweep.Training.Tests;

public sealed class TrialRandomTests
{
    [Fact]
    public void Bernoulli_cpu_drawsWhatTheFormerDropoutDrewForTheSameActivation()
    {
        using var random = new TrialRandom(7);
        using var generator = new Generator(7, CPU);
        using var activation = randn([4, 3, 5, 5]).relu();

        using var mask = random.Bernoulli(activation.shape, 0.7, activation.device);

        // What SeededDropout drew before TrialRandom: empty_like(input).bernoulli_(keep, generator).
        using var expected = empty_like(activation).bernoulli_(0.7, generator);

        Assert.Equal(TorchSharp.DeviceType.CPU, mask.device_type);
        Assert.Equal(ScalarType.Float32, mask.dtype);
        Assert.True(mask.equal(expected).all().item<bool>());
    }

    [Fact]
    public void Reseed_sameSeed_sameDraws()
    {
        using var random = new TrialRandom(1);
        random.Reseed(99);
        using var first = random.Uniform([3, 5], CPU);
        using var other = random.Uniform([3, 5], CPU);
        random.Reseed(99);
        using var again = random.Uniform([3, 5], CPU);

        Assert.True(first.equal(again).all().item<bool>());
        Assert.False(first.equal(other).all().item<bool>());
        Assert.True(first.min().item<float>() >= 0 && first.max().item<float>() < 1);
    }
}
