using AslSweep.Training.Data;

namespace AslSweep.Training.Trainer;

/// <summary>
/// A conservative estimate of the device memory a run needs: the data sets as float32, the parameters with their
/// gradients and optimiser state, and one batch's activations kept for the backward pass. Workers compare it
/// with their memory cap before copying anything to the device.
/// </summary>
public static class TrainingMemoryEstimate
{
    /// <summary>Bytes needed to train <paramref name="config"/> on this many images.</summary>
    public static long Bytes(TrainingConfig config, int trainImages, int validImages)
    {
        ArgumentNullException.ThrowIfNull(config);
        long data = ((long)trainImages + validImages) * SignMnistClasses.Pixels * sizeof(float);
        var model = config.Model;
        long parameters = 0;
        long activations = 0;
        int channels = 1;
        int side = SignMnistClasses.Side;
        foreach (int filters in model.Filters)
        {
            parameters += ((long)channels * model.KernelSize * model.KernelSize * filters) + filters + (model.BatchNorm ? 4L * filters : 0);
            // Convolution, batch norm, activation and pooling outputs of one batch.
            activations += (long)config.BatchSize * filters * side * side * 4;
            channels = filters;
            side = (side + 1) / 2;
        }

        long flat = (long)channels * side * side;
        parameters += (flat * model.DenseUnits) + model.DenseUnits + ((long)model.DenseUnits * model.Classes) + model.Classes;
        activations += (long)config.BatchSize * (flat + model.DenseUnits + model.Classes) * 2;
        // Weights, gradients and up to two optimiser buffers (Adam's moments).
        return data + (parameters * sizeof(float) * 4) + (activations * sizeof(float));
    }
}
