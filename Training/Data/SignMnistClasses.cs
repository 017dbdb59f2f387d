namespace AslSweep.Training.Data;

/// <summary>The 24 static letters of Sign-MNIST and the two label conventions that map onto them.</summary>
public static class SignMnistClasses
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image.</summary>
    public const int Pixels = Side * Side;

    /// <summary>Number of classes (A..Y without J).</summary>
    public const int Count = 24;

    private const string Letters = "ABCDEFGHIKLMNOPQRSTUVWXY";

    /// <summary>The letter of class index 0..23.</summary>
    public static char Letter(int classIndex) => Letters[classIndex];

    /// <summary>All letters in class order.</summary>
    public static IReadOnlyList<string> Names { get; } = Letters.Select(c => c.ToString()).ToArray();

    /// <summary>True when <paramref name="label"/> is a valid raw label under <paramref name="convention"/>.</summary>
    public static bool IsValid(int label, LabelConvention convention) => convention switch
    {
        LabelConvention.Kaggle => label is >= 0 and <= 24 && label != 9,
        LabelConvention.Contiguous => label is >= 0 and <= 23,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "resolve Auto first"),
    };

    /// <summary>Maps a valid raw label to the class index 0..23.</summary>
    public static int ToClassIndex(int label, LabelConvention convention) =>
        convention == LabelConvention.Kaggle && label > 9 ? label - 1 : label;

    /// <summary>Describes the valid range of a convention for error messages.</summary>
    public static string Describe(LabelConvention convention) => convention switch
    {
        LabelConvention.Kaggle => "Kaggle labels 0-24 without 9 (J)",
        LabelConvention.Contiguous => "contiguous labels 0-23",
        _ => "auto-detected labels",
    };
}
