using AslSweep.Contracts;
using Spectre.Console;

namespace AslSweep.Client.Commands;

/// <summary>Reads a closed set given on the command line in its one spelling (an old spelling with a warning).</summary>
public static class SpelledOption
{
    /// <summary>
    /// The value <paramref name="text"/> spells, or <paramref name="fallback"/> when the option was not given;
    /// throws a <see cref="UsageException"/> naming <paramref name="option"/> when no spelling matches.
    /// </summary>
    public static TEnum Read<TEnum>(Spelling<TEnum> spelling, string? text, string option, TEnum fallback)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(spelling);
        if (text is null)
        {
            return fallback;
        }

        if (!spelling.TryRead(text.Trim(), out var value, out string? warning))
        {
            throw new UsageException($"{option}: '{text}' is not {spelling.Listed}");
        }

        if (warning is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {option}: {warning}");
        }

        return value;
    }

    /// <summary>The labels option of <c>train</c> and <c>predict</c>.</summary>
    public static LabelConvention Labels(string? text) => Read(Spellings.Labels, text, "--labels", LabelConvention.Auto);
}
