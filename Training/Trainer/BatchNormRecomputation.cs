using AslSweep.Training.Model;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// BatchNorm statistics recomputed for the model's current weights (torch's <c>swa_utils.update_bn</c>),
/// kept beside the moving averages they replace so that either set can be put back. Why: with Keras's
/// momentum 0.99 the moving averages trail the weights by about a hundred batches, and channels whose true
/// variance is far below the start value 1 keep a normalisation that is mostly history; validation
/// accuracy then dips for an epoch although the weights are fine (measured: README, "Model and trainer").
/// </summary>
public sealed class BatchNormRecomputation : IDisposable
{
    private readonly KerasBatchNorm2d[] _layers;
    private readonly Tensor[] _moving;
    private readonly Tensor[] _recomputed;

    private BatchNormRecomputation(KerasBatchNorm2d[] layers, Tensor[] moving, Tensor[] recomputed)
    {
        _layers = layers;
        _moving = moving;
        _recomputed = recomputed;
    }

    /// <summary>
    /// Recomputes the statistics of every BatchNorm of <paramref name="model"/> over one pass of
    /// <paramref name="train"/> in batches of <paramref name="batchSize"/>, each batch augmented by
    /// <paramref name="augmenter"/> when given, in training mode (dropout on, as when the moving averages
    /// are collected), and leaves them in the model. Gradients are off; the weights do not change.
    /// </summary>
    public static BatchNormRecomputation Run(SignCnn model, DeviceDataset train, int batchSize, BatchAugmenter? augmenter)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        var layers = model.modules().OfType<KerasBatchNorm2d>().ToArray();
        var moving = layers.SelectMany(Snapshot).ToArray();
        model.train();
        using (no_grad())
        {
            foreach (var layer in layers)
            {
                layer.RunningMean.zero_();
                layer.RunningVar.fill_(1);
            }

            int batches = BatchNormStatisticsChoice.BatchesPerEpoch(train.Count, batchSize);
            for (int batch = 0; batch < batches; batch++)
            {
                using var scope = NewDisposeScope();
                foreach (var layer in layers)
                {
                    layer.UpdateFactor = 1.0 / (batch + 1);
                }

                int offset = batch * batchSize;
                var x = train.Images.narrow(0, offset, Math.Min(batchSize, train.Count - offset));
                model.forward(augmenter is null ? x : augmenter.Apply(x));
            }

            foreach (var layer in layers)
            {
                layer.UpdateFactor = KerasBatchNorm2d.Momentum;
            }
        }

        var recomputed = layers.SelectMany(Snapshot).ToArray();
        return new BatchNormRecomputation(layers, moving, recomputed);
    }

    private static Tensor[] Snapshot(KerasBatchNorm2d layer) => [layer.RunningMean.clone(), layer.RunningVar.clone(), layer.BatchesTracked.clone()];

    /// <summary>Puts the moving averages back (to continue training or write a checkpoint).</summary>
    public void UseMoving() => CopyInto(_moving);

    /// <summary>Puts the recomputed statistics back.</summary>
    public void UseRecomputed() => CopyInto(_recomputed);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _moving.Concat(_recomputed))
        {
            tensor.Dispose();
        }
    }

    private void CopyInto(Tensor[] source)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].RunningMean.copy_(source[3 * i]);
            _layers[i].RunningVar.copy_(source[(3 * i) + 1]);
            _layers[i].BatchesTracked.copy_(source[(3 * i) + 2]);
        }
    }
}
