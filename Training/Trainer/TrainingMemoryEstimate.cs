using AslSweep.Training.Data;

namespace AslSweep.Training.Trainer;

/// <summary>
/// A conservative estimate of the device memory a run needs: the data sets as float32, the parameters with their
/// gradients and optimiser state, one batch's activations kept for the backward pass, the evaluation batch's
/// largest layer (up to <see cref="TrainingSession.EvalBatch"/> validation images on a GPU, <see cref="TrainingSession.CpuEvalBatch"/> on the CPU; input and output), and on a GPU the CUDA context.
/// Workers compare it with their memory cap and, on a GPU, with the device's free memory before copying anything.
/// </summary>
public static class TrainingMemoryEstimate
{
    /// <summary>
    /// What a CUDA context with cuBLAS and cuDNN handles and workspaces takes on the device before the first tensor
    /// (300-500 MB on current drivers; the upper end, rounded up).
    /// </summary>
    public const long CudaContextBytes = 512L << 20;

    /// <summary>Bytes needed to train <paramref name="config"/> on this many images (plus the CUDA context on a GPU).</summary>
    public static long Bytes(TrainingConfig config, int trainImages, int validImages, bool cuda = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        long data = ((long)trainImages + validImages) * SignMnistClasses.Pixels * sizeof(float);
        var model = config.Model;
        long parameters = 0;
        long activations = 0;
        long largestLayer = SignMnistClasses.Pixels;
        int channels = 1;
        int side = SignMnistClasses.Side;
        foreach (int filters in model.Filters)
        {
            parameters += ((long)channels * model.KernelSize * model.KernelSize * filters) + filters + (model.BatchNorm ? 4L * filters : 0);
            // Convolution, batch norm, activation and pooling outputs of one batch.
            activations += (long)config.BatchSize * filters * side * side * 4;
            largestLayer = Math.Max(largestLayer, (long)filters * side * side);
            channels = filters;
            side = (side + 1) / 2;
        }

        long flat = (long)channels * side * side;
        parameters += (flat * model.DenseUnits) + model.DenseUnits + ((long)model.DenseUnits * model.Classes) + model.Classes;
        activations += (long)config.BatchSize * (flat + model.DenseUnits + model.Classes) * 2;
        long evaluation = (long)Math.Min(cuda ? TrainingSession.EvalBatch : TrainingSession.CpuEvalBatch, validImages) * largestLayer * 2;

        // Weights, gradients and up to two optimiser buffers (Adam's moments).
        return data + (parameters * sizeof(float) * 4) + ((activations + evaluation) * sizeof(float)) + (cuda ? CudaContextBytes : 0);
    }
}
