using System.Diagnostics;
using System.Text.Json;
using AslSweep.Training.Model;
using AslSweep.Training.Numerics;
using AslSweep.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// One training run of the Sign-MNIST CNN: one immutable <see cref="TrainingConfig"/> in, a model, an
/// optimiser and a generator on one device. Each batch runs in its own dispose scope on the calling thread
/// (TorchSharp scopes are thread-local), so call <see cref="Run"/> from one thread without awaiting inside.
/// Disposing releases the device memory.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    /// <summary>Images per evaluation batch on a GPU (no gradients kept, so larger than a training batch).</summary>
    public const int EvalBatch = 1024;

    /// <summary>
    /// Images per evaluation batch on the CPU: larger batches leave the caches and the heap's reach (the seed CNN
    /// evaluated at 2,619 images/s at batch 256 and 777 at batch 1,024 on the development machine).
    /// </summary>
    public const int CpuEvalBatch = 256;

    private readonly Device _device;
    private readonly int _evalBatch;
    private readonly TrialRandom _random;
    private readonly ModelOptimizer _optimizer;
    private readonly BatchAugmenter? _augmenter;
    private readonly LearningRateScheduler _scheduler;
    private readonly string _configJson;
    private BatchNormRecomputation? _recomputed;
    private readonly bool _hasBatchNorm;
    private BatchNormStatistics _batchNormStatistics;

    /// <summary>Builds the model and optimiser on <paramref name="device"/>.</summary>
    public TrainingSession(TrainingConfig config, Device device)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = config.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid training configuration: " + string.Join("; ", problems), nameof(config));
        }

        Config = config;
        _device = device;
        _evalBatch = device.type == DeviceType.CPU ? CpuEvalBatch : EvalBatch;
        _configJson = JsonSerializer.Serialize(config, TrainingCheckpoint.Json);
        _random = new TrialRandom(SeedSequence.Derive(config.Seed, SeedSequence.InitStream));

        // Initialise on the CPU generator stream, then move: identical initial weights on every device.
        using (var initGenerator = new Generator((ulong)SeedSequence.Derive(config.Seed, SeedSequence.InitStream), CPU))
        {
            Model = new SignCnn(config.Model, initGenerator, _random);
        }

        Model.to(device);
        _optimizer = ModelOptimizer.Create(config, Model.parameters());
        _augmenter = config.Augmentation.Enabled ? new BatchAugmenter(config.Augmentation, _random) : null;
        _hasBatchNorm = Model.modules().OfType<KerasBatchNorm2d>().Any();
        _scheduler = new LearningRateScheduler(config.LrSchedule, config.LearningRate, config.Epochs);
    }

    /// <summary>The configuration being trained.</summary>
    public TrainingConfig Config { get; }

    /// <summary>The model (owned by the session).</summary>
    public SignCnn Model { get; }

    /// <summary>Trains on <paramref name="train"/>, validating on <paramref name="valid"/> after every epoch.</summary>
    public TrainingResult Run(DeviceDataset train, DeviceDataset valid, TrainingRunOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);
        options ??= new TrainingRunOptions();
        var numerics = options.Numerics ?? TorchNumerics.Ensure();
        _batchNormStatistics = BatchNormStatisticsChoice.Resolve(Config, train.Count);
        var history = new List<EpochMetrics>();
        double bestValLoss = double.PositiveInfinity;
        int badEpochs = 0;
        int start = 0;
        string? checkpoints = options.CheckpointDirectory;
        if (checkpoints is not null && options.CheckpointWriter is long claim)
        {
            CheckpointFence.Claim(checkpoints, claim);
        }

        if (checkpoints is not null && options.Resume && TrainingCheckpoint.Exists(checkpoints))
        {
            var state = TrainingCheckpoint.Load(checkpoints, Model, _optimizer);
            if (state.Config != _configJson)
            {
                throw new CheckpointException($"{checkpoints}: the checkpoint was written by a different configuration ({ConfigDifference.Describe(state.Config, _configJson)}); use a new folder or delete it");
            }

            start = state.EpochsCompleted;
            history.AddRange(state.History);
            options.Observer?.OnResumed(state.History);
            _scheduler.State = state.LrState;
            bestValLoss = state.EarlyStopBest;
            badEpochs = state.EarlyStopBadEpochs;
        }

        for (int epoch = start; epoch < Config.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double rate = _scheduler.RateFor(epoch);
            _optimizer.LearningRate = rate;

            var pass = TrainEpoch(train, epoch, options.Observer, cancellation);
            if (pass.Cancelled)
            {
                return new TrainingResult(TrainingOutcome.Cancelled, history, $"cancelled during epoch {epoch + 1}; {history.Count} epoch(s) completed");
            }

            if (pass.Diverged is not null)
            {
                return NonFinite(history, pass.Diverged, numerics, _device);
            }

            double trainSeconds = clock.Elapsed.TotalSeconds;
            var (moving, recomputed) = Validate(train, valid, epoch);
            // The run acts (learning-rate plateaus, early stopping) on the view bn_stats chose.
            double valLoss = _batchNormStatistics == BatchNormStatistics.Recomputed ? recomputed.Loss : moving.Loss;
            if (!double.IsFinite(valLoss))
            {
                return NonFinite(history, $"validation loss is {valLoss} after epoch {epoch + 1} (learning rate {rate:G3})", numerics, _device);
            }

            var metrics = new EpochMetrics(epoch + 1, pass.Loss, pass.Accuracy, moving.Loss, moving.Accuracy, rate, clock.Elapsed.TotalSeconds, train.Count / trainSeconds)
            {
                ValidationImages = valid.Count,
                RecomputedValLoss = recomputed.Loss,
                RecomputedValAccuracy = recomputed.Accuracy,
            };
            history.Add(metrics);
            _scheduler.Observe(valLoss);
            if (valLoss < bestValLoss)
            {
                bestValLoss = valLoss;
                badEpochs = 0;
            }
            else
            {
                badEpochs++;
            }

            if (checkpoints is not null)
            {
                var state = new CheckpointState(TrainingCheckpoint.FormatVersion, epoch + 1, _configJson, _scheduler.State, bestValLoss, badEpochs, history, new Dictionary<string, string>());
                long started = Stopwatch.GetTimestamp();
                // The validated weights a checkpoint also holds are those of the view the run acts on.
                TrainingCheckpoint.Save(checkpoints, Model, _optimizer, state, _batchNormStatistics == BatchNormStatistics.Recomputed ? _recomputed : null, options.CheckpointWriter);
                options.Observer?.OnCheckpoint(epoch + 1, Stopwatch.GetElapsedTime(started));
            }

            options.Observer?.OnEpoch(metrics);
            if (Config.EarlyStoppingPatience > 0 && badEpochs >= Config.EarlyStoppingPatience && epoch + 1 < Config.Epochs)
            {
                return Trained(TrainingOutcome.EarlyStopped, history, checkpoints, $"early stopping after epoch {epoch + 1}: validation loss has not improved for {badEpochs} epochs (best {bestValLoss:F4})");
            }
        }

        return Trained(TrainingOutcome.Completed, history, checkpoints, $"completed {history.Count} epochs");
    }

    /// <summary>Loss and accuracy of the model on <paramref name="data"/>, in evaluation mode.</summary>
    public (double Loss, double Accuracy) Evaluate(DeviceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0;
        for (int offset = 0; offset < data.Count; offset += _evalBatch)
        {
            using var scope = NewDisposeScope();
            int length = Math.Min(_evalBatch, data.Count - offset);
            var x = data.Images.narrow(0, offset, length);
            var y = data.Labels.narrow(0, offset, length);
            var logits = Model.forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum, label_smoothing: Config.LabelSmoothing).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    /// <summary>
    /// Writes the model's weights (TorchSharp format) to <paramref name="path"/>. After a run with
    /// <see cref="BatchNormStatistics.Recomputed"/> they hold the statistics its last validation used.
    /// </summary>
    public void SaveWeights(string path) => Model.save(path);

    /// <summary>The BatchNorm statistics <see cref="SaveWeights"/> writes: those the run acts on.</summary>
    public BatchNormStatistics WeightsStatistics => _batchNormStatistics;

    /// <inheritdoc />
    public void Dispose()
    {
        _recomputed?.Dispose();
        _augmenter?.Dispose();
        _optimizer.Dispose();
        Model.Dispose();
        _random.Dispose();
    }

    /// <summary>
    /// Validation after an epoch, in both views: with the moving averages (Keras's, the notebook's measurement) and
    /// with statistics recomputed for the current weights (the same for a model without BatchNorm: nothing to
    /// recompute). The moving averages are put back afterwards: training and checkpoints go on as if nothing was
    /// recomputed. The recomputation's dropout and augmentation draws advance the generator, which the next epoch
    /// reseeds.
    /// </summary>
    private ((double Loss, double Accuracy) Moving, (double Loss, double Accuracy) Recomputed) Validate(DeviceDataset train, DeviceDataset valid, int epoch)
    {
        var moving = Evaluate(valid);
        if (!_hasBatchNorm)
        {
            return (moving, moving);
        }

        _recomputed?.Dispose();
        _recomputed = BatchNormRecomputation.Run(Model, train, Config.BatchSize, _augmenter, SeedSequence.Derive(Config.Seed, SeedSequence.RecomputationStream - epoch));
        var recomputed = Evaluate(valid);
        _recomputed.UseMoving();
        return (moving, recomputed);
    }

    /// <summary>
    /// A NaN or infinite loss: the configuration diverged, unless it trained on the CPU with a backend that failed its
    /// probe (the probe checks CPU kernels only; it says nothing about a GPU's).
    /// </summary>
    private static TrainingResult NonFinite(List<EpochMetrics> history, string what, NumericsStatus numerics, Device device) => device.type != DeviceType.CPU
        ? new TrainingResult(TrainingOutcome.Diverged, history, $"{what}: the run diverged (on {device})")
        : numerics.ProbePassed
            ? new TrainingResult(TrainingOutcome.Diverged, history, $"{what}: the run diverged ({numerics.Blame})")
            : new TrainingResult(TrainingOutcome.NumericsFault, history, $"{what}; {numerics.Blame}");

    /// <summary>A finished run leaves the model with the statistics its last validation used.</summary>
    private TrainingResult Trained(TrainingOutcome outcome, List<EpochMetrics> history, string? checkpoints, string message)
    {
        if (_batchNormStatistics == BatchNormStatistics.Recomputed)
        {
            if (_recomputed is not null)
            {
                _recomputed.UseRecomputed();
            }
            else
            {
                // Nothing validated in this process, so the run resumed from its final checkpoint, which holds
                // the statistics its last validation used; recomputing would draw other batches.
                TrainingCheckpoint.LoadValidatedWeights(checkpoints!, Model);
            }

            Model.eval();
        }

        return new TrainingResult(outcome, history, message);
    }

    private EpochPass TrainEpoch(DeviceDataset train, int epoch, ITrainingObserver? observer, CancellationToken cancellation)
    {
        Model.train();
        long epochSeed = SeedSequence.Derive(Config.Seed, epoch);
        _random.Reseed(epochSeed);
        using var order = ShuffledOrder.Of(train.Count, epochSeed, _device);
        int batches = BatchNormStatisticsChoice.BatchesPerEpoch(train.Count, Config.BatchSize);
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int batch = 0; batch < batches; batch++)
        {
            if (cancellation.IsCancellationRequested)
            {
                return new EpochPass(0, 0, true, null);
            }

            using var scope = NewDisposeScope();
            int offset = batch * Config.BatchSize;
            int length = Math.Min(Config.BatchSize, train.Count - offset);
            var index = order.narrow(0, offset, length);
            var x = train.Images.index_select(0, index);
            var y = train.Labels.index_select(0, index);
            if (_augmenter is not null)
            {
                x = _augmenter.Apply(x);
            }

            var logits = Model.forward(x);
            var loss = nn.functional.cross_entropy(logits, y, label_smoothing: Config.LabelSmoothing);

            // The batch's one host sync: loss and correct count come back together (on a GPU each item() waits).
            using var batchStats = stack([loss.detach(), logits.argmax(1).eq(y).sum().to(ScalarType.Float32)]).cpu();
            var values = batchStats.data<float>();
            var (lossValue, batchCorrect) = (values[0], values[1]);
            if (!float.IsFinite(lossValue))
            {
                return new EpochPass(0, 0, false, $"training loss became {lossValue} at epoch {epoch + 1}, batch {batch + 1} (learning rate {_scheduler.RateFor(epoch):G3})");
            }

            _optimizer.ZeroGrad();
            loss.backward();
            _optimizer.Step();
            lossSum += lossValue * length;
            correct += (long)batchCorrect;
            seen += length;
            observer?.OnBatch(new BatchProgress(epoch + 1, batch + 1, batches, lossSum / seen, (double)correct / seen));
        }

        return new EpochPass(lossSum / seen, (double)correct / seen, false, null);
    }

    private readonly record struct EpochPass(double Loss, double Accuracy, bool Cancelled, string? Diverged);
}
