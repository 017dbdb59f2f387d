namespace AslSweep.Contracts;

/// <summary>The data a sweep trains on: the embedded synthetic set, or a pair of Sign-MNIST CSV files.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.DataSpec")]
public sealed record DataSpec
{
    /// <summary>True for the embedded synthetic data set.</summary>
    [Id(0)]
    public bool Synthetic { get; init; } = true;

    /// <summary>Training CSV path, on the silos' file system.</summary>
    [Id(1)]
    public string? Train { get; init; }

    /// <summary>Validation CSV path.</summary>
    [Id(2)]
    public string? Valid { get; init; }

    /// <summary>Label convention: auto, kaggle or contiguous.</summary>
    public LabelConvention Labels { get => Spellings.Read(Spellings.Labels, LabelsWord); init => LabelsWord = Spellings.Write(Spellings.Labels, value); }

    // On the wire and in stored state as its spelling, with the field number the string had.
    [Id(3)]
    private string LabelsWord { get; init; } = "auto";

    /// <summary>Synthetic training images per class.</summary>
    [Id(4)]
    public int SyntheticTrainPerClass { get; init; } = 100;

    /// <summary>Synthetic validation images per class.</summary>
    [Id(5)]
    public int SyntheticValidPerClass { get; init; } = 30;

    /// <summary>Seed of the synthetic generator.</summary>
    [Id(6)]
    public int SyntheticSeed { get; init; } = 7;
}
