using AslSweep.Training.Model;
using AslSweep.Training.Optimizers;
using AslSweep.Training.Trainer;
using AslSweep.Tests.Shared;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Optimizers;

public sealed class ModelOptimizerTests
{
    public static TheoryData<OptimizerKind> Kinds => [OptimizerKind.RmsProp, OptimizerKind.Adam, OptimizerKind.Sgd];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_sameGradients_matchesTorchSharpsOptimizer(OptimizerKind kind)
    {
        var config = new TrainingConfig { Optimizer = kind, LearningRate = 0.01, WeightDecay = 1e-3, Momentum = 0.9 };
        using var ours = Network();
        using var theirs = CopyOf(ours);
        using var optimizer = ModelOptimizer.Create(config, ours.parameters());
        using var reference = kind switch
        {
            OptimizerKind.RmsProp => (OptimizerHelper)optim.RMSProp(theirs.parameters(), 0.01, alpha: 0.9, eps: 1e-7, weight_decay: 1e-3),
            OptimizerKind.Adam => optim.Adam(theirs.parameters(), 0.01, eps: 1e-7, weight_decay: 1e-3),
            _ => optim.SGD(theirs.parameters(), 0.01, momentum: 0.9, weight_decay: 1e-3),
        };

        for (int step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn([8, 1, 6, 6], generator: new Generator((ulong)step));
            optimizer.ZeroGrad();
            ours.forward(input).square().sum().backward();
            optimizer.Step();
            reference.zero_grad();
            theirs.forward(input).square().sum().backward();
            reference.step();
        }

        foreach (var ((name, a), (_, b)) in ours.named_parameters().Zip(theirs.named_parameters()))
        {
            Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-6), $"{kind}: {name} differs from TorchSharp's update");
        }

        Assert.Equal(5, optimizer.Steps);
    }

    [Fact]
    public void Load_savedState_continuesIdenticallyAndRefusesAnotherKind()
    {
        using var temp = new TempFolder();
        string path = temp.File("optimizer.bin");
        var config = new TrainingConfig { Optimizer = OptimizerKind.Adam, LearningRate = 0.01 };
        using var first = Network();
        using var second = CopyOf(first);
        using var a = ModelOptimizer.Create(config, first.parameters());
        using var b = ModelOptimizer.Create(config, second.parameters());
        using var input = ones(2, 1, 6, 6);
        Train(first, a, input, 3);
        Train(second, b, input, 3);
        a.Save(path);
        Train(first, a, input, 2);

        b.Load(path);
        Train(second, b, input, 2);

        Assert.All(first.parameters().Zip(second.parameters()), pair => Assert.True(pair.First.allclose(pair.Second)));
        using var rmsprop = ModelOptimizer.Create(config with { Optimizer = OptimizerKind.RmsProp }, second.parameters());
        var error = Assert.Throws<CheckpointException>(() => rmsprop.Load(path));
        Assert.Contains("optimizer state of 'adam'", error.Message, StringComparison.Ordinal);
    }

    private static void Train(Sequential network, ModelOptimizer optimizer, Tensor input, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            network.forward(input).square().sum().backward();
            optimizer.Step();
        }
    }

    internal static Sequential CopyOf(Sequential network)
    {
        var copy = Network();
        copy.load_state_dict(network.state_dict());
        return copy;
    }

    /// <summary>Conv, our BatchNorm, dense: every kind of parameter and buffer the CNN has.</summary>
    internal static Sequential Network()
    {
        // A raw convolution, outside SignCnn: choose the process's CPU backend first, as the product does.
        AslSweep.Training.Numerics.TorchNumerics.Ensure();
        return nn.Sequential(
            ("conv", nn.Conv2d(1, 2, 3)),
            ("norm", new KerasBatchNorm2d(2)),
            ("flatten", nn.Flatten()),
            ("dense", nn.Linear(32, 3)));
    }
}
