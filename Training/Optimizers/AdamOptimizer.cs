using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AslSweep.Training.Optimizers;

/// <summary>
/// Adam as torch defines it (bias-corrected moments, no AMSGrad):
/// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
/// </summary>
public sealed class AdamOptimizer : ModelOptimizer
{
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _b1;
    private readonly Scalar _b2;
    private readonly Scalar _rest1;
    private readonly Scalar _rest2;
    private readonly Scalar _epsilon;
    private StepScalars? _current;

    /// <summary>Creates the optimiser over <paramref name="parameters"/>.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        : base(parameters, learningRate, weightDecay, slots: 2)
    {
        (_beta1, _beta2) = (beta1, beta2);
        _b1 = Hold(beta1);
        _b2 = Hold(beta2);
        _rest1 = Hold(1 - beta1);
        _rest2 = Hold(1 - beta2);
        _epsilon = Hold(epsilon);
    }

    /// <inheritdoc />
    protected override string Kind => "adam";

    /// <inheritdoc />
    protected override void Update(Parameter parameter, Tensor gradient, Tensor[] state, long step)
    {
        var scalars = ScalarsFor(step);
        var (mean, square) = (state[0], state[1]);
        mean.mul_(_b1).add_(gradient, _rest1);
        square.mul_(_b2).addcmul_(gradient, gradient, _rest2);
        using var denominator = square.sqrt().div_(scalars.Correction2).add_(_epsilon, One);
        parameter.addcdiv_(mean, denominator, scalars.StepSize);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _current?.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>The bias corrections of <paramref name="step"/> (and the rate they scale), made once per step.</summary>
    private StepScalars ScalarsFor(long step)
    {
        if (_current is { } current && current.Step == step && current.Rate == LearningRate)
        {
            return current;
        }

        _current?.Dispose();
        _current = new StepScalars(
            step,
            LearningRate,
            Math.Sqrt(1 - Math.Pow(_beta2, step)).ToScalar(),
            (-LearningRate / (1 - Math.Pow(_beta1, step))).ToScalar());
        return _current;
    }

    private sealed record StepScalars(long Step, double Rate, Scalar Correction2, Scalar StepSize) : IDisposable
    {
        public void Dispose()
        {
            Correction2.Dispose();
            StepSize.Dispose();
        }
    }
}
