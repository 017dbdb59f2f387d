namespace AslSweep.Parameters;

/// <summary>How the label column of a Sign-MNIST CSV numbers the 24 letters.</summary>
public enum LabelConvention
{
    /// <summary>Decide from the labels: a 24 means Kaggle, a 9 means contiguous.</summary>
    Auto,

    /// <summary>Kaggle's original numbering 0-24 = A..Y, with no 9 (J) and no 25 (Z).</summary>
    Kaggle,

    /// <summary>Contiguous 0-23 (A..I = 0..8, K..Y = 9..23), as some course copies relabel it.</summary>
    Contiguous,
}
