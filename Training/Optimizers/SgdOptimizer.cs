using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with torch's (heavy-ball, undampened) momentum: b = m b + g; p -= lr b.
/// The buffer starts at zero, so the first step uses g itself, as torch's does.
/// </summary>
public sealed class SgdOptimizer : ModelOptimizer
{
    private readonly double _momentum;
    private readonly Scalar _keep;

    /// <summary>Creates the optimiser over <paramref name="parameters"/>.</summary>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay)
        : base(parameters, learningRate, weightDecay, slots: momentum == 0 ? 0 : 1)
    {
        _momentum = momentum;
        _keep = Hold(momentum);
    }

    /// <inheritdoc />
    protected override string Kind => "sgd";

    /// <inheritdoc />
    protected override void Update(Parameter parameter, Tensor gradient, Tensor[] state, long step)
    {
        if (_momentum == 0)
        {
            parameter.add_(gradient, NegativeRate);
            return;
        }

        var buffer = state[0];
        buffer.mul_(_keep).add_(gradient, One);
        parameter.add_(buffer, NegativeRate);
    }
}
