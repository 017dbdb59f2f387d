using AslSweep.Training.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Model;

public sealed class KerasBatchNorm2dTests
{
    [Fact]
    public void Forward_training_matchesTorchSharpsBatchNormWithKerasDefaults()
    {
        using var ours = new KerasBatchNorm2d(3);
        using var theirs = nn.BatchNorm2d(3, eps: KerasBatchNorm2d.Epsilon, momentum: KerasBatchNorm2d.Momentum);
        using var three = 3.0.ToScalar();
        using var one = 1.0.ToScalar();
        using var input = randn([4, 3, 5, 5], generator: new Generator(9)).mul_(three).add_(one, one);
        for (int i = 0; i < 3; i++)
        {
            using var x = ours.forward(input);
            using var y = theirs.forward(input);
            Assert.True(x.allclose(y, rtol: 1e-5, atol: 1e-6));
        }

        Assert.True(ours.RunningMean.allclose(theirs.running_mean!) && ours.RunningVar.allclose(theirs.running_var!));
        Assert.Equal(
            theirs.state_dict().Keys.Order().ToArray(),
            ours.state_dict().Keys.Order().ToArray());
        Assert.Equal(3, ours.state_dict()["num_batches_tracked"].item<long>());
    }
}
