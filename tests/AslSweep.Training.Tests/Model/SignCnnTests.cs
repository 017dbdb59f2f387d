using AslSweep.Training.Model;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Model;

public sealed class SignCnnTests
{
    private static SignCnn Build(CnnConfig config)
    {
        var generator = new Generator(1, CPU);
        return new SignCnn(config, generator, new TrialRandom(1));
    }

    [Fact]
    public void Summary_seedConfig_matchesKerasNotebook()
    {
        using var model = Build(new CnnConfig());

        var summary = ModelSummary.Of(model);

        Assert.Equal(264_049, summary.Total);
        Assert.Equal(263_749, summary.Trainable);
        Assert.Equal(300, summary.NonTrainable);
        Assert.Equal(
            ["(None, 28, 28, 75)", "(None, 28, 28, 75)", "(None, 14, 14, 75)", "(None, 14, 14, 50)", "(None, 14, 14, 50)", "(None, 14, 14, 50)",
             "(None, 7, 7, 50)", "(None, 7, 7, 25)", "(None, 7, 7, 25)", "(None, 4, 4, 25)", "(None, 400)", "(None, 512)", "(None, 512)", "(None, 24)"],
            summary.Rows.Select(r => r.OutputShape).ToArray());
        Assert.Equal(["conv2d", "batch_normalization", "max_pooling2d", "conv2d_1", "dropout"], summary.Rows.Take(5).Select(r => r.Name).ToArray());
    }

    [Fact]
    public void Summary_twoBlocksWithoutBatchNorm_countsFromArchitecture()
    {
        using var model = Build(new CnnConfig { Filters = [16, 32], BatchNorm = false, DenseUnits = 64, KernelSize = 5 });

        var summary = ModelSummary.Of(model);

        long expected = ((5 * 5 * 1 * 16) + 16) + ((5 * 5 * 16 * 32) + 32) + ((32 * 7 * 7 * 64) + 64) + ((64 * 24) + 24);
        Assert.Equal(expected, summary.Total);
        Assert.Equal(0, summary.NonTrainable);
        Assert.DoesNotContain(summary.Rows, r => r.Kind == "BatchNormalization");
    }

    [Fact]
    public void Forward_batch_givesLogitsPerClass()
    {
        using var model = Build(new CnnConfig { Filters = [8, 8, 8, 8] });
        using var x = rand(3, 1, 28, 28);

        using var y = model.forward(x);

        Assert.Equal([3L, 24L], y.shape);
    }

    [Fact]
    public void Constructor_invalidConfig_listsEveryProblem()
    {
        var config = new CnnConfig { Filters = [8, 0], KernelSize = 4, ConvDropout = 1.0, ConvDropoutBlocks = [5] };

        var problems = config.Validate();

        Assert.Contains("filters: 0 is outside [1, 4096]", problems);
        Assert.Contains(problems, p => p.StartsWith("kernel_size:", StringComparison.Ordinal));
        Assert.Contains("conv_dropout: 1 is outside [0, 1)", problems);
        Assert.Contains(problems, p => p.StartsWith("conv_dropout_blocks:", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Build(config));
    }

    [Fact]
    public void Initialisation_sameGenerator_sameWeights()
    {
        using var a = Build(new CnnConfig());
        using var b = Build(new CnnConfig());

        var pa = a.parameters().ToArray();
        var pb = b.parameters().ToArray();
        Assert.All(pa.Zip(pb), p => Assert.True(p.First.allclose(p.Second, rtol: 0, atol: 0)));
    }
}
