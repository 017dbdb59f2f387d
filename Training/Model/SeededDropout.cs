using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Model;

/// <summary>
/// Inverted dropout whose masks come from the trial's own generator instead of torch's global one, so
/// that two trials training at once in one process stay reproducible and a resumed run draws the same
/// masks as an uninterrupted one.
/// </summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _rate;
    private readonly Generator _generator;
    private readonly HeldScalars _scalars = new();
    private readonly Scalar _scale;

    /// <summary>Creates the layer; <paramref name="generator"/> must live on the module's device.</summary>
    public SeededDropout(double rate, Generator generator)
        : base(nameof(SeededDropout))
    {
        _rate = rate;
        _generator = generator;
        _scale = _scalars.Of(1 / (1 - rate));
    }

    /// <summary>The drop probability.</summary>
    public double Rate => _rate;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || _rate <= 0)
        {
            return input.alias();
        }

        using var mask = empty_like(input).bernoulli_(1 - _rate, _generator);
        return input * mask.mul_(_scale);
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
