using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Model;

/// <summary>
/// The notebook's CNN, parameterised by <see cref="CnnConfig"/>. Keras semantics where TorchSharp's defaults
/// differ: BatchNorm momentum 0.99 (torch's 0.01) and epsilon 1e-3, Glorot-uniform kernels with zero biases,
/// and "same" 2x2 max pooling (ceil mode), so 7x7 pools to 4x4. Outputs logits; softmax lives in the loss
/// and in <see cref="Probabilities"/>.
/// </summary>
public sealed class SignCnn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>
    /// Builds the model on the CPU. Initialisation draws from <paramref name="initGenerator"/> (a CPU generator);
    /// dropout masks from <paramref name="dropoutRandom"/> (drawn on the CPU, copied to the device the model trains on).
    /// </summary>
    public SignCnn(CnnConfig config, Generator initGenerator, TrialRandom dropoutRandom)
        : base(nameof(SignCnn))
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = config.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(config));
        }

        Config = config;

        // The process's CPU backend is chosen and probed before any model of it can run a convolution.
        Numerics.TorchNumerics.Ensure();
        var layers = new List<(string Name, nn.Module<Tensor, Tensor> Layer)>();
        var names = new KerasLayerNames();
        long channels = 1;
        for (int block = 0; block < config.Filters.Count; block++)
        {
            int filters = config.Filters[block];
            layers.Add((names.Next("conv2d"), nn.Conv2d(channels, filters, config.KernelSize, padding: config.KernelSize / 2)));
            layers.Add((names.Next("relu"), nn.ReLU()));
            if (config.ConvDropout > 0 && config.ConvDropoutBlocks.Contains(block))
            {
                layers.Add((names.Next("dropout"), new SeededDropout(config.ConvDropout, dropoutRandom)));
            }

            if (config.BatchNorm)
            {
                layers.Add((names.Next("batch_normalization"), new KerasBatchNorm2d(filters)));
            }

            layers.Add((names.Next("max_pooling2d"), nn.MaxPool2d(2, stride: 2, ceil_mode: true)));
            channels = filters;
        }

        int side = CnnConfig.SideAfter(config.Filters.Count);
        layers.Add((names.Next("flatten"), nn.Flatten()));
        layers.Add((names.Next("dense"), nn.Linear(channels * side * side, config.DenseUnits)));
        layers.Add((names.Next("relu"), nn.ReLU()));
        if (config.DenseDropout > 0)
        {
            layers.Add((names.Next("dropout"), new SeededDropout(config.DenseDropout, dropoutRandom)));
        }

        layers.Add((names.Next("dense"), nn.Linear(config.DenseUnits, config.Classes)));
        _layers = nn.Sequential(layers.Select(l => (l.Name, (nn.Module<Tensor, Tensor>)l.Layer)));
        RegisterComponents();
        InitialiseLikeKeras(initGenerator);
    }

    /// <summary>The architecture this model was built from.</summary>
    public CnnConfig Config { get; }

    /// <summary>The layers in order, with their Keras-style names.</summary>
    public IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> Layers =>
        _layers.named_children().Select(c => (c.name, (nn.Module<Tensor, Tensor>)c.module));

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => _layers.forward(input);

    /// <summary>Class probabilities for a batch [N,1,28,28] in evaluation mode.</summary>
    public Tensor Probabilities(Tensor input)
    {
        using var noGrad = no_grad();
        using var logits = forward(input);
        return nn.functional.softmax(logits, 1);
    }

    private void InitialiseLikeKeras(Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var (_, layer) in Layers)
        {
            Tensor? weight = layer switch
            {
                Conv2d conv => conv.weight,
                Linear linear => linear.weight,
                _ => null,
            };
            if (weight is null)
            {
                continue;
            }

            // Glorot uniform: fan_in = in * k * k, fan_out = out * k * k.
            long receptive = weight.dim() > 2 ? weight.shape[2] * weight.shape[3] : 1;
            double fanIn = weight.shape[1] * receptive;
            double fanOut = weight.shape[0] * receptive;
            double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            weight.uniform_(-limit, limit, generator);
            Tensor? bias = layer switch
            {
                Conv2d conv => conv.bias,
                Linear linear => linear.bias,
                _ => null,
            };
            bias?.zero_();
        }
    }

    /// <summary>Numbers layers the way Keras does: conv2d, conv2d_1, conv2d_2, ...</summary>
    private sealed class KerasLayerNames
    {
        private readonly Dictionary<string, int> _seen = [];

        public string Next(string kind)
        {
            int n = _seen.GetValueOrDefault(kind);
            _seen[kind] = n + 1;
            return n == 0 ? kind : $"{kind}_{n}";
        }
    }
}
