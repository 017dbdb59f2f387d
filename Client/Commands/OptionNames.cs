namespace AslSweep.Client.Commands;

/// <summary>
/// Configuration problems name snake_case fields ("conv_dropout: 1.5 is outside [0, 1)"); on the command line
/// the same field is an option ("--conv-dropout"). This renames them so the message names what the user typed.
/// </summary>
public static class OptionNames
{
    /// <summary>Throws a <see cref="UsageException"/> listing every problem, or returns when there is none.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine + "error: ", problems.Select(ForProblem)));
        }
    }

    /// <summary>
    /// "conv_dropout: ..." becomes "--conv-dropout: ..."; "filters[1]: ..." becomes "--filters[1]: ..."; a
    /// hyperparameter is named by its definition's option (augment: --augment-strength).
    /// </summary>
    public static string ForProblem(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int colon = problem.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return problem;
        }

        string name = problem[..colon];
        int bracket = name.IndexOf('[', StringComparison.Ordinal);
        string field = bracket < 0 ? name : name[..bracket];
        string suffix = bracket < 0 ? "" : name[bracket..];
        string option = Hyperparameters.ByName.TryGetValue(field, out var parameter)
            ? parameter.Option
            : "--" + field.Replace('_', '-').Replace('.', '-');
        return option + suffix + problem[colon..];
    }
}
