using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Random rotation, zoom, shift (and optional horizontal flip) of a whole batch at once, as one affine grid
/// sample on the training device. Edges repeat the border pixel, like Keras's fill_mode="nearest".
/// </summary>
public sealed class BatchAugmenter
{
    private readonly AugmentationOptions _options;
    private readonly Generator _generator;

    /// <summary>Creates the augmenter; its draws come from <paramref name="generator"/>.</summary>
    public BatchAugmenter(AugmentationOptions options, Generator generator)
    {
        _options = options;
        _generator = generator;
    }

    /// <summary>Returns an augmented copy of <paramref name="batch"/> [B,1,H,W].</summary>
    public Tensor Apply(Tensor batch)
    {
        long n = batch.shape[0];
        double s = _options.Strength;

        // Every Scalar is held by a using: an implicitly converted one could be finalized mid-call.
        using var two = 2.0.ToScalar();
        using var one = 1.0.ToScalar();
        using var radians = (_options.RotationDegrees * s * Math.PI / 180).ToScalar();
        using var zoomRange = (_options.Zoom * s).ToScalar();
        using var shiftRange = (_options.Shift * s * 2).ToScalar();
        using var u = rand([n, 5], dtype: ScalarType.Float32, device: batch.device, generator: _generator).mul_(two).sub_(one);
        using var angle = u[.., 0].mul(radians);
        using var zoom = u[.., 1].mul(zoomRange).add_(one, one);
        using var tx = u[.., 2].mul(shiftRange);
        using var ty = u[.., 3].mul(shiftRange);
        using var flip = _options.HorizontalFlip ? u[.., 4].sign() : ones_like(tx);
        using var cos = angle.cos().mul_(zoom);
        using var sin = angle.sin().mul_(zoom);
        using var row0 = stack([cos * flip, -sin, tx], 1);
        using var row1 = stack([sin * flip, cos, ty], 1);
        using var theta = stack([row0, row1], 1);
        using var grid = nn.functional.affine_grid(theta, batch.shape, align_corners: false);
        return nn.functional.grid_sample(batch, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }
}
