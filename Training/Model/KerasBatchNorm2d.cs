using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Model;

/// <summary>
/// BatchNorm over channels with Keras's defaults (moving-average momentum 0.99, i.e. torch's 0.01, and
/// epsilon 1e-3), state-dict compatible with torch's BatchNorm2d (weight, bias, running_mean, running_var,
/// num_batches_tracked). It exists because TorchSharp's own BatchNorm counts batches with
/// <c>num_batches_tracked.add_(1)</c>, whose implicitly converted <see cref="Scalar"/> the finalizer thread
/// can free while libtorch still reads it (a garbage collection started by any other thread is enough):
/// trials then failed at random with "Expected false to be true" from c10's Scalar. Its one Scalar is held
/// (<see cref="HeldScalars"/>) for the layer's life.
/// </summary>
public sealed class KerasBatchNorm2d : nn.Module<Tensor, Tensor>
{
    /// <summary>Keras's BatchNormalization momentum 0.99, as torch's update factor.</summary>
    public const double Momentum = 0.01;

    /// <summary>Keras's BatchNormalization epsilon.</summary>
    public const double Epsilon = 1e-3;

    private readonly HeldScalars _scalars = new();
    private readonly Scalar _one;

    /// <summary>Creates the layer for <paramref name="channels"/> channels, on the CPU.</summary>
    public KerasBatchNorm2d(long channels)
        : base(nameof(KerasBatchNorm2d))
    {
        // Registered by name only, no fields: Module.to(device) replaces registered tensors, and a field
        // would keep pointing at the old device's copy.
        register_parameter("weight", new Parameter(ones(channels)));
        register_parameter("bias", new Parameter(zeros(channels)));
        register_buffer("running_mean", zeros(channels));
        register_buffer("running_var", ones(channels));
        register_buffer("num_batches_tracked", zeros(1, dtype: ScalarType.Int64).squeeze());
        _one = _scalars.Of(1L);
    }

    /// <summary>
    /// The weight of the current batch in the moving averages: <see cref="Momentum"/> in training; a
    /// statistics recomputation sets 1/n for its n-th batch, which makes the averages equal-weight.
    /// </summary>
    public double UpdateFactor { get; set; } = Momentum;

    /// <summary>The moving mean (non-trainable; Keras counts it as a parameter).</summary>
    public Tensor RunningMean => get_buffer("running_mean")!;

    /// <summary>The moving variance (non-trainable; Keras counts it as a parameter).</summary>
    public Tensor RunningVar => get_buffer("running_var")!;

    /// <summary>How many training batches have updated the moving averages.</summary>
    public Tensor BatchesTracked => get_buffer("num_batches_tracked")!;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            BatchesTracked.add_(_one, _one);
        }

        return nn.functional.batch_norm(input, RunningMean, RunningVar, get_parameter("weight"), get_parameter("bias"), training, UpdateFactor, Epsilon);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _scalars.Dispose();
        }

        base.Dispose(disposing);
    }
}
