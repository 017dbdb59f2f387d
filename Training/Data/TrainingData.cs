namespace AslSweep.Training.Data;

/// <summary>The training and validation images of a run, and how they were obtained.</summary>
/// <param name="Train">Training images.</param>
/// <param name="Valid">Validation images.</param>
/// <param name="Convention">The label convention of the CSV files; null for the synthetic data.</param>
/// <param name="Warnings">Things a person should know that did not stop the load.</param>
public sealed record TrainingData(SignMnistImages Train, SignMnistImages Valid, LabelConvention? Convention, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the embedded synthetic data set is used.</summary>
    public bool IsSynthetic => Train.IsSynthetic;

    /// <summary>
    /// Loads the CSV pair, or generates the synthetic data when both paths are null. In auto mode the
    /// validation file uses the convention detected in the training file: a small validation file often
    /// holds neither a 9 nor a 24 to tell by.
    /// </summary>
    public static TrainingData Load(string? trainPath, string? validPath, LabelConvention labels, SyntheticSignMnistOptions synthetic, SignMnistCsvReader? reader = null)
    {
        if (trainPath is null && validPath is null)
        {
            var (train, valid) = SyntheticSignMnist.Generate(synthetic);
            return new TrainingData(train, valid, null, []);
        }

        if (trainPath is null || validPath is null)
        {
            throw new DataFormatException([new DataError(trainPath ?? validPath!, 0, 0, "give both a training and a validation CSV (--train and --valid), or neither for the synthetic data")], truncated: false);
        }

        reader ??= new SignMnistCsvReader();
        var errors = new List<DataError>();
        SignMnistCsv? trainCsv = TryRead(reader, trainPath, labels, errors);
        LabelConvention validConvention = trainCsv?.Convention ?? labels;
        SignMnistCsv? validCsv = TryRead(reader, validPath, validConvention, errors);
        if (trainCsv is null || validCsv is null)
        {
            throw new DataFormatException(errors, truncated: errors.Count >= reader.MaxErrors);
        }

        return new TrainingData(trainCsv.Images, validCsv.Images, trainCsv.Convention, [.. trainCsv.Warnings, .. validCsv.Warnings]);
    }

    private static SignMnistCsv? TryRead(SignMnistCsvReader reader, string path, LabelConvention labels, List<DataError> errors)
    {
        try
        {
            return reader.Read(path, labels);
        }
        catch (DataFormatException e)
        {
            // Report both files' problems in one go.
            errors.AddRange(e.Errors);
            return null;
        }
    }
}
