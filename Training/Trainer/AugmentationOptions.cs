namespace AslSweep.Training.Trainer;

/// <summary>
/// Random affine augmentation applied per batch on the training device, like Keras's ImageDataGenerator in
/// the course (rotation 10 degrees, zoom 0.1, shifts 0.1). Horizontal flip is off by default: a mirrored
/// hand is a different sign for a right-handed signer.
/// </summary>
public sealed record AugmentationOptions
{
    /// <summary>Whether augmentation is applied at all.</summary>
    public bool Enabled { get; init; }

    /// <summary>Multiplies every range below (the sweep's augmentation strength).</summary>
    public double Strength { get; init; } = 1.0;

    /// <summary>Maximum rotation either way, degrees.</summary>
    public double RotationDegrees { get; init; } = 10;

    /// <summary>Maximum relative zoom either way.</summary>
    public double Zoom { get; init; } = 0.1;

    /// <summary>Maximum shift either way, as a fraction of the image side.</summary>
    public double Shift { get; init; } = 0.1;

    /// <summary>Whether to mirror half of the images left-right.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Augmentation switched off.</summary>
    public static AugmentationOptions Off { get; } = new();

    /// <summary>The course's ranges, switched on.</summary>
    public static AugmentationOptions Standard { get; } = new() { Enabled = true };
}
