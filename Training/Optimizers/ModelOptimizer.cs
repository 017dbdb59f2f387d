using AslSweep.Training.Trainer;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Optimizers;

/// <summary>
/// A first-order optimiser over a model's parameters, with torch's update rules and L2 weight decay added to
/// the gradient. TorchSharp ships these optimisers, but they pass implicitly converted <see cref="Scalar"/>s
/// (<c>mul_(alpha)</c>, <c>add_(eps)</c>) to libtorch, and a garbage collection started by any other thread can
/// finalize such a Scalar while libtorch still reads it: the step then fails ("Unknown scalar type") or, worse,
/// reads a wrong coefficient. Here every Scalar is a field of the optimiser, made once (the learning rate's when
/// it changes), so it lives as long as the optimiser does and no step allocates one.
/// </summary>
public abstract class ModelOptimizer : IDisposable
{
    private const string Magic = "aslsweep-optimizer";
    private const int Version = 1;

    private readonly Parameter[] _parameters;
    private readonly Tensor[][] _state;
    private readonly HeldScalars _held = new();
    private readonly Scalar _decay;
    private Scalar _negativeRate;
    private double _learningRate;

    /// <summary>Creates the optimiser with <paramref name="slots"/> zero-initialised state tensors per parameter.</summary>
    protected ModelOptimizer(IEnumerable<Parameter> parameters, double learningRate, double weightDecay, int slots)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        _learningRate = learningRate;
        _negativeRate = (-learningRate).ToScalar();
        WeightDecay = weightDecay;
        _decay = Hold(weightDecay);
        One = Hold(1.0);
        _state = [.. _parameters.Select(p => Enumerable.Range(0, slots).Select(_ => zeros_like(p).DetachFromDisposeScope()).ToArray())];
    }

    /// <summary>The rate of the next steps; a schedule sets it between epochs.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            var previous = _negativeRate;
            _negativeRate = (-value).ToScalar();
            _learningRate = value;
            previous.Dispose();
        }
    }

    /// <summary>The L2 penalty added to each gradient (0: none).</summary>
    public double WeightDecay { get; }

    /// <summary>Steps taken so far (restored by <see cref="Load"/>).</summary>
    public long Steps { get; private set; }

    /// <summary>Minus the learning rate, as a Scalar for <c>add_</c>/<c>addcdiv_</c>.</summary>
    protected Scalar NegativeRate => _negativeRate;

    /// <summary>1, for the alpha of <c>add_</c>, which must always be passed (its default is a fresh Scalar).</summary>
    protected Scalar One { get; }

    /// <summary>Short name written into saved state, so that a state is never loaded into another kind.</summary>
    protected abstract string Kind { get; }

    /// <summary>Builds the optimiser <paramref name="config"/> asks for.</summary>
    public static ModelOptimizer Create(TrainingConfig config, IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Optimizer switch
        {
            // Keras defaults: RMSprop rho 0.9 (torch's alpha), epsilon 1e-7; Adam epsilon 1e-7.
            OptimizerKind.RmsProp => new RmsPropOptimizer(parameters, config.LearningRate, 0.9, 1e-7, config.WeightDecay),
            OptimizerKind.Adam => new AdamOptimizer(parameters, config.LearningRate, 0.9, 0.999, 1e-7, config.WeightDecay),
            OptimizerKind.Sgd => new SgdOptimizer(parameters, config.LearningRate, config.Momentum, config.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Optimizer, "unknown optimizer"),
        };
    }

    /// <summary>Drops every parameter's gradient (torch's set_to_none): backward then writes fresh ones, with no pass to zero them.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad = null;
        }
    }

    /// <summary>Applies one update from the current gradients.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Steps++;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }

            var gradient = WeightDecay != 0 ? grad.add(parameter, _decay) : grad;
            Update(parameter, gradient, _state[i], Steps);
        }
    }

    /// <summary>Writes the step count and every state tensor to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Kind);
        writer.Write(Steps);
        writer.Write(_state.Length);
        writer.Write(_state.Length == 0 ? 0 : _state[0].Length);
        foreach (var tensor in _state.SelectMany(s => s))
        {
            tensor.Save(writer);
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote; a state of another optimiser or model is refused.</summary>
    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        string magic = reader.ReadString();
        int version = reader.ReadInt32();
        string kind = reader.ReadString();
        if (magic != Magic || version != Version || kind != Kind)
        {
            throw new CheckpointException($"{path}: optimizer state of '{kind}' (format {magic} {version}); this run uses '{Kind}' ({Magic} {Version})");
        }

        long steps = reader.ReadInt64();
        int parameters = reader.ReadInt32();
        int slots = reader.ReadInt32();
        if (parameters != _state.Length || (parameters > 0 && slots != _state[0].Length))
        {
            throw new CheckpointException($"{path}: optimizer state for {parameters} parameters x {slots} slots; this model has {_state.Length} x {(_state.Length == 0 ? 0 : _state[0].Length)}");
        }

        using var noGrad = no_grad();
        foreach (var tensor in _state.SelectMany(s => s))
        {
            tensor.Load(reader);
        }

        Steps = steps;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the state tensors and Scalars; derived classes release theirs, then call this.</summary>
    protected virtual void Dispose(bool disposing)
    {
        foreach (var tensor in _state.SelectMany(s => s))
        {
            tensor.Dispose();
        }

        _held.Dispose();
        _negativeRate.Dispose();
    }

    /// <summary>A Scalar that lives, and is disposed, with the optimiser.</summary>
    protected Scalar Hold(double value) => _held.Of(value);

    /// <summary>
    /// Updates <paramref name="parameter"/> in place from <paramref name="gradient"/> (weight decay already added)
    /// and its <paramref name="state"/> tensors; <paramref name="step"/> counts from 1. Runs under no_grad in a
    /// dispose scope. Pass only Scalars from <see cref="Hold"/> or fields, and always the overloads with an explicit alpha.
    /// </summary>
    protected abstract void Update(Parameter parameter, Tensor gradient, Tensor[] state, long step);
}
