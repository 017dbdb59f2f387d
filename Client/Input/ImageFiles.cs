using AslSweep.Training.Data;
using SkiaSharp;

namespace AslSweep.Client.Input;

/// <summary>
/// Image files (PNG, JPEG, BMP, GIF, WebP) as Sign-MNIST images: converted to grayscale (ITU-R BT.601 weights) and
/// resized to 28x28 when larger or smaller, as the model was trained on.
/// </summary>
public static class ImageFiles
{
    /// <summary>File name endings read as images.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    /// <summary>The images, in order; throws <see cref="DataFormatException"/> naming a file that cannot be decoded.</summary>
    public static SignMnistImages Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var pixels = new byte[paths.Count * SignMnistClasses.Pixels];
        for (int i = 0; i < paths.Count; i++)
        {
            Decode(paths[i]).CopyTo(pixels.AsSpan(i * SignMnistClasses.Pixels));
        }

        return new SignMnistImages(pixels, new byte[paths.Count], string.Join(", ", paths), isSynthetic: false);
    }

    private static byte[] Decode(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException([new DataError(path, 0, 0, "no such file")], truncated: false);
        }

        using var original = SKBitmap.Decode(path) ?? throw new DataFormatException([new DataError(path, 0, 0, "not an image this build can decode (PNG, JPEG, BMP, GIF, WebP)")], truncated: false);
        using var resized = original.Width == SignMnistClasses.Side && original.Height == SignMnistClasses.Side
            ? original.Copy()
            : original.Resize(new SKImageInfo(SignMnistClasses.Side, SignMnistClasses.Side), new SKSamplingOptions(SKCubicResampler.Mitchell));
        var gray = new byte[SignMnistClasses.Pixels];
        for (int y = 0; y < SignMnistClasses.Side; y++)
        {
            for (int x = 0; x < SignMnistClasses.Side; x++)
            {
                var c = resized.GetPixel(x, y);
                gray[(y * SignMnistClasses.Side) + x] = (byte)Math.Clamp(Math.Round((0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue)), 0, 255);
            }
        }

        return gray;
    }
}
