using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class TrainingMemoryEstimateTests
{
    // The seed's largest layer: 75 channels at 28x28; evaluation keeps its input and output, float32.
    private const long EvaluationBytesPerImage = 75L * 28 * 28 * 2 * sizeof(float);

    [Fact]
    public void Bytes_evaluationBatch_countedUpTo1024ValidationImages()
    {
        var config = new TrainingConfig();
        long dataPerImage = 784 * sizeof(float);

        long small = TrainingMemoryEstimate.Bytes(config, 1000, 100);
        long atBatch = TrainingMemoryEstimate.Bytes(config, 1000, 1024);
        long beyond = TrainingMemoryEstimate.Bytes(config, 1000, 7172);

        Assert.Equal(924 * (EvaluationBytesPerImage + dataPerImage), atBatch - small);
        Assert.Equal((7172 - 1024) * dataPerImage, beyond - atBatch);
        Assert.True(atBatch > 480L << 20, $"{atBatch >> 20} MB: the evaluation batch alone takes ~460 MB");
    }

    [Fact]
    public void Bytes_cuda_addsTheContext()
    {
        var config = new TrainingConfig();

        Assert.Equal(TrainingMemoryEstimate.CudaContextBytes, TrainingMemoryEstimate.Bytes(config, 2400, 720, cuda: true) - TrainingMemoryEstimate.Bytes(config, 2400, 720));
    }
}
