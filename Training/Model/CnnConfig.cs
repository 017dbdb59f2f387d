namespace AslSweep.Training.Model;

/// <summary>
/// Architecture of the Sign-MNIST CNN. The defaults are the course notebook's model:
/// Conv 75/50/25 (3x3, "same"), BatchNorm, MaxPool 2x2 "same", Dropout 0.2 in block 2, Dense 512, Dropout 0.3.
/// </summary>
public sealed record CnnConfig
{
    /// <summary>Filters per convolution block; one block per entry.</summary>
    public IReadOnlyList<int> Filters { get; init; } = [75, 50, 25];

    /// <summary>Square kernel side, odd so that "same" padding is symmetric.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Dropout rate after the convolution of the blocks in <see cref="ConvDropoutBlocks"/>.</summary>
    public double ConvDropout { get; init; } = 0.2;

    /// <summary>0-based blocks that get conv dropout; the notebook has it in the second block only.</summary>
    public IReadOnlyList<int> ConvDropoutBlocks { get; init; } = [1];

    /// <summary>Dropout rate after the hidden dense layer.</summary>
    public double DenseDropout { get; init; } = 0.3;

    /// <summary>Units of the hidden dense layer.</summary>
    public int DenseUnits { get; init; } = 512;

    /// <summary>Whether each block has a BatchNorm layer.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>Output classes.</summary>
    public int Classes { get; init; } = 24;

    /// <summary>Every problem with this configuration, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Filters.Count == 0)
        {
            problems.Add("filters: at least one convolution block is needed");
        }

        for (int i = 0; i < Filters.Count; i++)
        {
            if (Filters[i] is < 1 or > 4096)
            {
                problems.Add($"filters[{i}]: {Filters[i]} is outside [1, 4096]");
            }
        }

        if (KernelSize is < 1 or > 27 || KernelSize % 2 == 0)
        {
            problems.Add($"kernel_size: {KernelSize} must be odd and in [1, 27]");
        }

        AddRate(problems, "conv_dropout", ConvDropout);
        AddRate(problems, "dense_dropout", DenseDropout);
        foreach (int block in ConvDropoutBlocks.Where(b => b < 0 || b >= Filters.Count))
        {
            problems.Add($"conv_dropout_blocks: block {block} does not exist (0..{Filters.Count - 1})");
        }

        if (DenseUnits is < 1 or > 65536)
        {
            problems.Add($"dense_units: {DenseUnits} is outside [1, 65536]");
        }

        if (Classes < 2)
        {
            problems.Add($"classes: {Classes} must be at least 2");
        }

        return problems;
    }

    /// <summary>Spatial side after <paramref name="blocks"/> "same" 2x2 poolings of a 28-pixel image.</summary>
    public static int SideAfter(int blocks)
    {
        int side = 28;
        for (int i = 0; i < blocks; i++)
        {
            side = (side + 1) / 2;
        }

        return side;
    }

    private static void AddRate(List<string> problems, string name, double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate >= 1)
        {
            problems.Add($"{name}: {rate} is outside [0, 1)");
        }
    }
}
