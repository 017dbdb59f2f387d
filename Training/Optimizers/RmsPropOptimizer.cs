using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Optimizers;

/// <summary>
/// RMSprop as torch (and Keras) define it, without momentum or centring:
/// v = alpha v + (1 - alpha) g^2; p -= lr g / (sqrt(v) + eps).
/// </summary>
public sealed class RmsPropOptimizer : ModelOptimizer
{
    private readonly Scalar _alpha;
    private readonly Scalar _rest;
    private readonly Scalar _epsilon;

    /// <summary>Creates the optimiser over <paramref name="parameters"/>.</summary>
    public RmsPropOptimizer(IEnumerable<Parameter> parameters, double learningRate, double alpha, double epsilon, double weightDecay)
        : base(parameters, learningRate, weightDecay, slots: 1)
    {
        _alpha = Hold(alpha);
        _rest = Hold(1 - alpha);
        _epsilon = Hold(epsilon);
    }

    /// <inheritdoc />
    protected override string Kind => "rmsprop";

    /// <inheritdoc />
    protected override void Update(Parameter parameter, Tensor gradient, Tensor[] state, long step)
    {
        var squareAverage = state[0];
        squareAverage.mul_(_alpha).addcmul_(gradient, gradient, _rest);
        using var denominator = squareAverage.sqrt().add_(_epsilon, One);
        parameter.addcdiv_(gradient, denominator, NegativeRate);
    }
}
