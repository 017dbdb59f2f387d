using AslSweep.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// A data set moved to a device once: images as float32 [N,1,28,28] scaled to [0,1] (the notebook's /255),
/// labels as int64 [N]. Batches are gathered on the device by index, never copied from the host again.
/// </summary>
public sealed class DeviceDataset : IDisposable
{
    private DeviceDataset(Tensor images, Tensor labels, string fingerprint)
    {
        Images = images;
        Labels = labels;
        Fingerprint = fingerprint;
    }

    /// <summary>float32 [N,1,28,28].</summary>
    public Tensor Images { get; }

    /// <summary>int64 [N].</summary>
    public Tensor Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => (int)Labels.shape[0];

    /// <summary>Fingerprint of the host data this was made from.</summary>
    public string Fingerprint { get; }

    /// <summary>Copies <paramref name="images"/> to <paramref name="device"/>.</summary>
    public static DeviceDataset Create(SignMnistImages images, Device device)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = NewDisposeScope();
        using var bytes = tensor(images.Pixels.ToArray(), [images.Count, 1, SignMnistClasses.Side, SignMnistClasses.Side]);
        using var maximum = 255f.ToScalar();
        var pixels = bytes.to(device).to(ScalarType.Float32).div_(maximum);
        using var labelBytes = tensor(images.Labels.ToArray(), [images.Count]);
        var labels = labelBytes.to(device).to(ScalarType.Int64);
        return new DeviceDataset(pixels.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), images.Fingerprint);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
