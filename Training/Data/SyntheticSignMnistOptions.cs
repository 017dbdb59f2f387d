namespace AslSweep.Training.Data;

/// <summary>Sizes and seed of the embedded synthetic data set.</summary>
public sealed record SyntheticSignMnistOptions
{
    /// <summary>Training images per class (drawn from the training signers).</summary>
    public int TrainPerClass { get; init; } = 60;

    /// <summary>Validation images per class (drawn from other signers).</summary>
    public int ValidPerClass { get; init; } = 30;

    /// <summary>Seed of the per-sample variation; the glyph alphabet itself is fixed.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>A short description recorded as the data set's source.</summary>
    public string Describe() => $"synthetic:v1 (seed {Seed}, {TrainPerClass}/{ValidPerClass} per class)";
}
