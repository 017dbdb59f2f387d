using System.Collections.Immutable;

namespace AslSweep.Parameters;

/// <summary>Compares lists element by element (an ImmutableArray's own equality compares references).</summary>
internal sealed class SequenceComparer : IEqualityComparer<ImmutableArray<int>>
{
    public static SequenceComparer Instance { get; } = new();

    public bool Equals(ImmutableArray<int> x, ImmutableArray<int> y) => x.AsSpan().SequenceEqual(y.AsSpan());

    public int GetHashCode(ImmutableArray<int> obj)
    {
        var hash = default(HashCode);
        foreach (int value in obj)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
