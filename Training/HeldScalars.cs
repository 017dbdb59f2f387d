using TorchSharp;

namespace AslSweep.Training;

/// <summary>
/// Scalars made once and kept alive until disposed. TorchSharp converts a .NET number passed to a tensor
/// operation into a native Scalar and hands only its handle to libtorch; nothing then keeps the Scalar object
/// alive, so a garbage collection started by any other thread can finalize it while libtorch still reads it
/// (seen as "Expected false to be true", "Unknown scalar type", or a coefficient read from reused memory).
/// Every constant a training step passes to TorchSharp comes from one of these, held by its owner.
/// </summary>
public sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> _scalars = [];

    /// <summary>A Scalar of <paramref name="value"/> that lives until this is disposed.</summary>
    public Scalar Of(double value) => Keep(value.ToScalar());

    /// <summary>An integer Scalar (for integer tensors, where a floating one is refused).</summary>
    public Scalar Of(long value) => Keep(value.ToScalar());

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var scalar in _scalars)
        {
            scalar.Dispose();
        }

        _scalars.Clear();
    }

    private Scalar Keep(Scalar scalar)
    {
        _scalars.Add(scalar);
        return scalar;
    }
}
