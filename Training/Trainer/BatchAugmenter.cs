using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Random rotation, zoom, shift (and optional horizontal flip) of a whole batch at once, as one affine grid
/// sample on the training device. Edges repeat the border pixel, like Keras's fill_mode="nearest".
/// Its constants are <see cref="HeldScalars"/>, made once; disposing releases them.
/// </summary>
public sealed class BatchAugmenter : IDisposable
{
    private readonly AugmentationOptions _options;
    private readonly TrialRandom _random;
    private readonly HeldScalars _scalars = new();
    private readonly Scalar _two;
    private readonly Scalar _one;
    private readonly Scalar _radians;
    private readonly Scalar _zoomRange;
    private readonly Scalar _shiftRange;

    /// <summary>Creates the augmenter; its draws come from <paramref name="random"/>.</summary>
    public BatchAugmenter(AugmentationOptions options, TrialRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = random;
        double s = options.Strength;
        _two = _scalars.Of(2.0);
        _one = _scalars.Of(1.0);
        _radians = _scalars.Of(options.RotationDegrees * s * Math.PI / 180);
        _zoomRange = _scalars.Of(options.Zoom * s);
        _shiftRange = _scalars.Of(options.Shift * s * 2);
    }

    /// <summary>Returns an augmented copy of <paramref name="batch"/> [B,1,H,W].</summary>
    public Tensor Apply(Tensor batch)
    {
        long n = batch.shape[0];
        using var u = _random.Uniform([n, 5], batch.device).mul_(_two).sub_(_one);
        using var angle = u[.., 0].mul(_radians);
        using var zoom = u[.., 1].mul(_zoomRange).add_(_one, _one);
        using var tx = u[.., 2].mul(_shiftRange);
        using var ty = u[.., 3].mul(_shiftRange);
        using var flip = _options.HorizontalFlip ? u[.., 4].sign() : ones_like(tx);
        using var cos = angle.cos().mul_(zoom);
        using var sin = angle.sin().mul_(zoom);
        using var row0 = stack([cos * flip, -sin, tx], 1);
        using var row1 = stack([sin * flip, cos, ty], 1);
        using var theta = stack([row0, row1], 1);
        using var grid = nn.functional.affine_grid(theta, batch.shape, align_corners: false);
        return nn.functional.grid_sample(batch, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }

    /// <inheritdoc />
    public void Dispose() => _scalars.Dispose();
}
