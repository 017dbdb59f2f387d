namespace AslSweep.Training.Data;

/// <summary>One located problem in an input file.</summary>
/// <param name="File">The file's path as given.</param>
/// <param name="Line">1-based line, or 0 for the file as a whole.</param>
/// <param name="Column">1-based CSV column (field), or 0 for the whole line.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record DataError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => (Line, Column) switch
    {
        (0, _) => $"{File}: {Message}",
        (_, 0) => $"{File}:{Line}: {Message}",
        _ => $"{File}:{Line}:{Column}: {Message}",
    };
}
