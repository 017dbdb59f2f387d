namespace AslSweep.Sweeps.Specs;

/// <summary>A sweep spec that cannot be used; each problem names its place (file:line:column, spec path).</summary>
public sealed class SpecFormatException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
