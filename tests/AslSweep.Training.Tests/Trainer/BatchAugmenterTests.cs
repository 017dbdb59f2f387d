using AslSweep.Training.Trainer;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Trainer;

public sealed class BatchAugmenterTests
{
    [Fact]
    public void Apply_zeroStrength_isIdentity()
    {
        using var generator = new TrialRandom(1);
        using var x = rand(4, 1, 28, 28);
        using var augmenter = new BatchAugmenter(AugmentationOptions.Standard with { Strength = 0 }, generator);

        using var y = augmenter.Apply(x);

        Assert.True(y.allclose(x, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Apply_flipOnly_mirrorsOrKeepsEachImage()
    {
        using var generator = new TrialRandom(2);
        using var x = rand(16, 1, 28, 28);
        var options = new AugmentationOptions { Enabled = true, RotationDegrees = 0, Zoom = 0, Shift = 0, HorizontalFlip = true };

        using var augmenter = new BatchAugmenter(options, generator);
        using var y = augmenter.Apply(x);
        using var mirrored = x.flip(3);

        int flipped = 0;
        for (int i = 0; i < 16; i++)
        {
            bool same = y[i].allclose(x[i], rtol: 0, atol: 1e-5);
            bool mirror = y[i].allclose(mirrored[i], rtol: 0, atol: 1e-5);
            Assert.True(same || mirror);
            flipped += mirror ? 1 : 0;
        }

        Assert.InRange(flipped, 1, 15);
    }

    [Fact]
    public void Apply_standard_changesImagesKeepsShapeAndRange()
    {
        using var generator = new TrialRandom(3);
        using var x = rand(8, 1, 28, 28);

        using var augmenter = new BatchAugmenter(AugmentationOptions.Standard, generator);
        using var y = augmenter.Apply(x);

        Assert.Equal(x.shape, y.shape);
        Assert.False(y.allclose(x, rtol: 0, atol: 1e-3));
        Assert.True(y.min().item<float>() >= 0 && y.max().item<float>() <= 1);
    }
}
