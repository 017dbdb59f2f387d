using AslSweep.Training.Model;
using static TorchSharp.torch;

namespace AslSweep.Training.Tests.Model;

[Collection(GarbageCollectionStormCollection.Name)]
public sealed class KerasBatchNorm2dStormTests
{
    [Fact]
    public void Forward_whileAnotherThreadCollectsGarbage_neverReadsAFreedScalar()
    {
        // TorchSharp's BatchNorm2d failed under this storm within 256 to 6,329 forwards in 6 of 6 runs, four times
        // with "For integral input tensors, argument alpha must not be a floating point number": it read a freed
        // Scalar whose memory held another value by then.
        using var norm = new KerasBatchNorm2d(2);
        using var input = ones(2, 2, 3, 3);
        using (var storm = new GarbageCollectionStorm())
        {
            for (int step = 0; step < 10_000; step++)
            {
                using var scope = NewDisposeScope();
                norm.forward(input);
            }

            Assert.True(storm.Collections > 20, $"only {storm.Collections} collections ran");
        }

        Assert.Equal(10_000, norm.state_dict()["num_batches_tracked"].item<long>());
    }
}
