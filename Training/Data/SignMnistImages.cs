using System.Security.Cryptography;

namespace AslSweep.Training.Data;

/// <summary>
/// An immutable set of 28x28 grayscale images (bytes, row-major) with class indices 0..23.
/// Kept as bytes on the host: 4x smaller than floats; converted once when moved to a device.
/// </summary>
public sealed class SignMnistImages
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;
    private string? _fingerprint;

    /// <summary>Creates a data set; the arrays are owned by the instance from then on.</summary>
    public SignMnistImages(byte[] pixels, byte[] labels, string source, bool isSynthetic)
    {
        if (pixels.Length != labels.Length * SignMnistClasses.Pixels)
        {
            throw new ArgumentException($"{pixels.Length} pixels do not make {labels.Length} images of {SignMnistClasses.Pixels}");
        }

        if (labels.Any(l => l >= SignMnistClasses.Count))
        {
            throw new ArgumentException("labels must be class indices 0..23", nameof(labels));
        }

        _pixels = pixels;
        _labels = labels;
        Source = source;
        IsSynthetic = isSynthetic;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Where the images came from (a path, or a description of the synthetic generator).</summary>
    public string Source { get; }

    /// <summary>True for the embedded synthetic data set; every output labels it so.</summary>
    public bool IsSynthetic { get; }

    /// <summary>All pixels, image after image, row-major.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>Class index per image.</summary>
    public ReadOnlySpan<byte> Labels => _labels;

    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Image(int index) => _pixels.AsSpan(index * SignMnistClasses.Pixels, SignMnistClasses.Pixels);

    /// <summary>
    /// SHA-256 of the canonical content (count, class indices, pixels), lower-case hex: equal for equal data
    /// whatever the file's label convention, line endings or header.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    /// <summary>Images per class, index 0..23.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[SignMnistClasses.Count];
        foreach (byte label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(Count));
        hash.AppendData(_labels);
        hash.AppendData(_pixels);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
