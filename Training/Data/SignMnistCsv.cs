namespace AslSweep.Training.Data;

/// <summary>A parsed Sign-MNIST CSV: the images and how its labels were read.</summary>
/// <param name="Images">The images with class indices 0..23.</param>
/// <param name="Convention">The label convention used (never Auto).</param>
/// <param name="HadHeader">Whether the file started with the Kaggle header.</param>
/// <param name="Warnings">Things a person should know that did not stop the read.</param>
public sealed record SignMnistCsv(SignMnistImages Images, LabelConvention Convention, bool HadHeader, IReadOnlyList<string> Warnings);
