using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class TrainingMemoryEstimateTests
{
    // The seed's largest layer: 75 channels at 28x28; evaluation keeps its input and output, float32.
    private const long EvaluationBytesPerImage = 75L * 28 * 28 * 2 * sizeof(float);
    private const long DataPerImage = 784 * sizeof(float);

    [Fact]
    public void Bytes_cpu_evaluationBatchCountedUpTo256ValidationImages()
    {
        var config = new TrainingConfig();

        long small = TrainingMemoryEstimate.Bytes(config, 1000, 100);
        long atBatch = TrainingMemoryEstimate.Bytes(config, 1000, 256);
        long beyond = TrainingMemoryEstimate.Bytes(config, 1000, 7172);

        Assert.Equal(156 * (EvaluationBytesPerImage + DataPerImage), atBatch - small);
        Assert.Equal((7172 - 256) * DataPerImage, beyond - atBatch);
    }

    [Fact]
    public void Bytes_cuda_evaluationBatchUpTo1024AndTheContext()
    {
        var config = new TrainingConfig();

        long cpu = TrainingMemoryEstimate.Bytes(config, 2400, 7172);
        long cuda = TrainingMemoryEstimate.Bytes(config, 2400, 7172, cuda: true);

        Assert.Equal(TrainingMemoryEstimate.CudaContextBytes + ((1024 - 256) * EvaluationBytesPerImage), cuda - cpu);
        Assert.True(cuda > 1L << 30, $"{cuda >> 20} MB: the evaluation batch alone takes ~460 MB on a GPU");
    }
}
