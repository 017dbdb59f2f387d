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
    /// The most batches a recomputation reads (8,192 images at batch 32): a bound on its cost, which is one forward
    /// pass per batch, on the full Kaggle training set (858 batches); smaller training sets are read whole.
    /// </summary>
    public const int MaxBatches = 256;

    /// <summary>
    /// Recomputes the statistics of every BatchNorm of <paramref name="model"/> over up to
    /// <paramref name="maxBatches"/> batches of <paramref name="batchSize"/> drawn from <paramref name="train"/> in
    /// an order shuffled by <paramref name="seed"/> (stored order would put one signer's images in a batch, and
    /// such batches underestimate the variance), each batch augmented by <paramref name="augmenter"/> when given,
    /// in training mode (dropout on, as when the moving averages are collected), and leaves them in the model.
    /// Gradients are off; the weights do not change.
    /// </summary>
    public static BatchNormRecomputation Run(SignCnn model, DeviceDataset train, int batchSize, BatchAugmenter? augmenter, long seed, int maxBatches = MaxBatches)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatches);
        var layers = model.modules().OfType<KerasBatchNorm2d>().ToArray();
        var moving = layers.SelectMany(Snapshot).ToArray();
        model.train();
        using var held = new HeldScalars();
        var one = held.Of(1.0);
        using (no_grad())
        using (var order = ShuffledOrder.Of(train.Count, seed, train.Images.device))
        {
            foreach (var layer in layers)
            {
                layer.RunningMean.zero_();
                layer.RunningVar.fill_(one);
            }

            int batches = Math.Min(maxBatches, BatchNormStatisticsChoice.BatchesPerEpoch(train.Count, batchSize));
            for (int batch = 0; batch < batches; batch++)
            {
                using var scope = NewDisposeScope();
                foreach (var layer in layers)
                {
                    layer.UpdateFactor = 1.0 / (batch + 1);
                }

                int offset = batch * batchSize;
                var x = train.Images.index_select(0, order.narrow(0, offset, Math.Min(batchSize, train.Count - offset)));
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
