using System.Collections.Immutable;

namespace AslSweep.Training.Model;

/// <summary>
/// Architecture of the Sign-MNIST CNN. The defaults are the course notebook's model:
/// Conv 75/50/25 (3x3, "same"), BatchNorm, MaxPool 2x2 "same", Dropout 0.2 in block 2, Dense 512, Dropout 0.3.
/// </summary>
public sealed record CnnConfig
{
    /// <summary>Filters per convolution block; one block per entry.</summary>
    public IReadOnlyList<int> Filters { get; init; } = [.. Hyperparameters.Filters.Default];

    /// <summary>Square kernel side, odd so that "same" padding is symmetric.</summary>
    public int KernelSize { get; init; } = HyperparameterDefaults.KernelSize;

    /// <summary>Dropout rate after the convolution of the blocks in <see cref="ConvDropoutBlocks"/>.</summary>
    public double ConvDropout { get; init; } = HyperparameterDefaults.ConvDropout;

    /// <summary>0-based blocks that get conv dropout; the notebook has it in the second block only.</summary>
    public IReadOnlyList<int> ConvDropoutBlocks { get; init; } = [1];

    /// <summary>Dropout rate after the hidden dense layer.</summary>
    public double DenseDropout { get; init; } = HyperparameterDefaults.DenseDropout;

    /// <summary>Units of the hidden dense layer.</summary>
    public int DenseUnits { get; init; } = HyperparameterDefaults.DenseUnits;

    /// <summary>Whether each block has a BatchNorm layer.</summary>
    public bool BatchNorm { get; init; } = HyperparameterDefaults.BatchNorm;

    /// <summary>Output classes.</summary>
    public int Classes { get; init; } = 24;

    /// <summary>Every problem with this configuration, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Add(problems, Hyperparameters.Filters, Filters.ToImmutableArray());
        Add(problems, Hyperparameters.KernelSize, KernelSize);
        Add(problems, Hyperparameters.ConvDropout, ConvDropout);
        Add(problems, Hyperparameters.DenseDropout, DenseDropout);
        Add(problems, Hyperparameters.DenseUnits, DenseUnits);
        foreach (int block in ConvDropoutBlocks.Where(b => b < 0 || b >= Filters.Count))
        {
            problems.Add($"conv_dropout_blocks: block {block} does not exist (0..{Filters.Count - 1})");
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

    /// <summary>Adds the problem of one hyperparameter's value, named as in specs, when it breaks its definition's rule.</summary>
    internal static void Add<T>(List<string> problems, Hyperparameter<T> parameter, T value)
        where T : notnull
    {
        if (parameter.Check(value) is { } problem)
        {
            problems.Add($"{parameter.Name}: {problem}");
        }
    }
}
