using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Model;

/// <summary>
/// Inverted dropout whose masks come from the trial's own <see cref="TrialRandom"/> instead of torch's global
/// generator, so that two trials training at once in one process stay reproducible, a resumed run draws the same
/// masks as an uninterrupted one, and a CUDA run draws the same masks as a CPU run.
/// </summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _rate;
    private readonly TrialRandom _random;
    private readonly HeldScalars _scalars = new();
    private readonly Scalar _scale;

    /// <summary>Creates the layer; its masks come from <paramref name="random"/>.</summary>
    public SeededDropout(double rate, TrialRandom random)
        : base(nameof(SeededDropout))
    {
        _rate = rate;
        _random = random;
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

        using var mask = _random.Bernoulli(input.shape, 1 - _rate, input.device);
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
