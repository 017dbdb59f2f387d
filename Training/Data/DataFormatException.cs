namespace AslSweep.Training.Data;

/// <summary>Thrown when an input file cannot be used; carries every located problem found (up to a limit).</summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public DataFormatException(IReadOnlyList<DataError> errors, bool truncated)
        : base(BuildMessage(errors, truncated))
    {
        Errors = errors;
        Truncated = truncated;
    }

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>True when more problems exist than were collected.</summary>
    public bool Truncated { get; }

    private static string BuildMessage(IReadOnlyList<DataError> errors, bool truncated)
    {
        var lines = errors.Select(e => e.ToString()).ToList();
        if (truncated)
        {
            lines.Add($"(stopped after the first {errors.Count} errors)");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
