using System.Collections.Immutable;
using System.Globalization;
using AslSweep.Contracts;

namespace AslSweep.Grains.Sweeps;

/// <summary>
/// One parameter that a sweep may vary: its snake_case name (the same in specs, reports and metric labels), its
/// type and range, and how a canonical value is applied to a <see cref="TrialConfig"/>.
/// </summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    double Min,
    double Max,
    bool MaxExclusive,
    ImmutableArray<string> Choices,
    Func<TrialConfig, string, TrialConfig> Apply)
{
    /// <summary>Checks a canonical value; returns the problem, or null when it is valid.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case ParameterKind.Bool:
                return value is "true" or "false" ? null : $"'{value}' is not true or false";
            case ParameterKind.Choice:
                return Choices.Contains(value) ? null : $"'{value}' is not one of {string.Join(", ", Choices)}";
            case ParameterKind.IntList:
                var parts = value.Split(',');
                if (parts.Length == 0 || parts.Any(p => !int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                {
                    return $"'{value}' is not a list of whole numbers";
                }

                return parts.Select(p => CheckRange(int.Parse(p, CultureInfo.InvariantCulture))).FirstOrDefault(p => p is not null);
            case ParameterKind.Strength when value is "true" or "false":
                return null;
            case ParameterKind.Int:
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? CheckRange(i) : $"'{value}' is not a whole number";
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? CheckRange(d) : $"'{value}' is not a number";
        }
    }

    /// <summary>The range in interval notation, for messages.</summary>
    public string Range => FormattableString.Invariant($"[{Min}, {Max}{(MaxExclusive ? ")" : "]")}");

    private string? CheckRange(double value) =>
        double.IsNaN(value) || value < Min || value > Max || (MaxExclusive && value >= Max)
            ? FormattableString.Invariant($"{value} is outside {Range}")
            : null;
}
