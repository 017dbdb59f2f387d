using AslSweep.Training.Data;

namespace AslSweep.Training.Tests.Data;

public sealed class SyntheticSignMnistTests
{
    private static readonly SyntheticSignMnistOptions Small = new() { TrainPerClass = 5, ValidPerClass = 3, Seed = 3 };

    [Fact]
    public void Generate_sameSeed_isByteIdentical()
    {
        var (a, av) = SyntheticSignMnist.Generate(Small);
        var (b, bv) = SyntheticSignMnist.Generate(Small);

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(av.Fingerprint, bv.Fingerprint);
    }

    [Fact]
    public void Generate_otherSeed_differs()
    {
        var (a, _) = SyntheticSignMnist.Generate(Small);
        var (b, _) = SyntheticSignMnist.Generate(Small with { Seed = 4 });

        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void Generate_balancedLabelledSynthetic()
    {
        var (train, valid) = SyntheticSignMnist.Generate(Small);

        Assert.All(train.ClassCounts(), c => Assert.Equal(5, c));
        Assert.All(valid.ClassCounts(), c => Assert.Equal(3, c));
        Assert.True(train.IsSynthetic && valid.IsSynthetic);
        Assert.StartsWith("synthetic:", train.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_imagesAreNotBlankAndClassesDiffer()
    {
        var (train, _) = SyntheticSignMnist.Generate(Small);

        // Per-class mean images must differ clearly: the classes are different glyphs.
        double[][] means = Enumerable.Range(0, 24).Select(_ => new double[784]).ToArray();
        for (int i = 0; i < train.Count; i++)
        {
            var image = train.Image(i);
            for (int p = 0; p < 784; p++)
            {
                means[train.Labels[i]][p] += image[p] / 5.0;
            }
        }

        Assert.All(means, m => Assert.True(m.Max() - m.Min() > 100, "glyph has contrast"));
        double minDistance = double.MaxValue;
        for (int a = 0; a < 24; a++)
        {
            for (int b = a + 1; b < 24; b++)
            {
                minDistance = Math.Min(minDistance, Math.Sqrt(means[a].Zip(means[b], (x, y) => (x - y) * (x - y)).Sum()));
            }
        }

        Assert.True(minDistance > 200, $"closest two class means are {minDistance:F0} apart");
    }
}
