namespace AslSweep.Training.Trainer;

/// <summary>
/// Derives independent seeds from the trial seed with SplitMix64. Every epoch reseeds its generators from
/// (seed, epoch), so the random state at the start of epoch k is a pure function of the seed: a resumed run
/// draws exactly what an uninterrupted one draws, and the checkpoint needs only the epoch number.
/// </summary>
public static class SeedSequence
{
    /// <summary>Stream used for weight initialisation.</summary>
    public const int InitStream = -1;

    /// <summary>Stream of the BatchNorm recomputation after epoch 0; epoch e uses this minus e (-2, -3, ...).</summary>
    public const int RecomputationStream = -2;

    /// <summary>A 63-bit seed for (seed, stream).</summary>
    public static long Derive(int seed, int stream)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (long)((z ^ (z >> 31)) & long.MaxValue);
    }
}
