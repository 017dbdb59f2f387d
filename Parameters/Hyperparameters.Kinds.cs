using System.Collections.Immutable;
using System.Globalization;

namespace AslSweep.Parameters;

/// <content>How each kind of hyperparameter is parsed, printed and checked.</content>
public static partial class Hyperparameters
{
    private static Hyperparameter<double> Real(string name, string description, double @default, double min, double max, Func<TrialConfig, double> get, Func<TrialConfig, double, TrialConfig> set, bool minExclusive = false, bool maxExclusive = false) =>
        new(new HyperparameterShape<double>(name, ParameterKind.Float, description, @default, get, set, FormatReal, ParseReal, "a number")
        {
            Min = min,
            Max = max,
            MinExclusive = minExclusive,
            MaxExclusive = maxExclusive,
            Numbers = v => [v],
            FromNumber = v => v,
        });

    // A rate in [0, 1): dropout, weight decay, label smoothing.
    private static Hyperparameter<double> Rate(string name, string description, double @default, Func<TrialConfig, double> get, Func<TrialConfig, double, TrialConfig> set) =>
        Real(name, description, @default, 0, 1, get, set, maxExclusive: true);

    private static Hyperparameter<int> Whole(string name, string description, int @default, int min, int max, Func<TrialConfig, int> get, Func<TrialConfig, int, TrialConfig> set, Func<int, string?>? rule = null) =>
        new(new HyperparameterShape<int>(name, ParameterKind.Int, description, @default, get, set,
            v => v.ToString(CultureInfo.InvariantCulture),
            t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? (true, v, null) : (false, 0, null),
            "a whole number")
        {
            Min = min,
            Max = max,
            Numbers = v => [v],
            Rule = rule,
            FromNumber = v => checked((int)Math.Round(v)),
        });

    private static Hyperparameter<TEnum> Choice<TEnum>(string name, string description, TEnum @default, (TEnum Value, string Spelling)[] spellings, Func<TrialConfig, TEnum> get, Func<TrialConfig, TEnum, TrialConfig> set)
        where TEnum : struct, Enum =>
        new(ChoiceShape(name, description, @default, spellings, get, set));

    // One spelling per value (Spelling reads the enum's member names, which the CLI used to take, e.g.
    // reduceonplateau, with a warning that names the one spelling).
    private static HyperparameterShape<TEnum> ChoiceShape<TEnum>(string name, string description, TEnum @default, (TEnum Value, string Spelling)[] spellings, Func<TrialConfig, TEnum> get, Func<TrialConfig, TEnum, TrialConfig> set)
        where TEnum : struct, Enum
    {
        var spelling = new Spelling<TEnum>(spellings);
        return new HyperparameterShape<TEnum>(name, ParameterKind.Choice, description, @default, get, set,
            spelling.Of,
            text => spelling.TryRead(text, out var value, out string? warning) ? (true, value, warning) : (false, @default, null),
            $"one of {string.Join(", ", spelling.Words)}")
        {
            Choices = spelling.Words,
        };
    }

    private static string FormatReal(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static (bool Ok, double Value, string? Warning) ParseReal(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? (true, v, null) : (false, 0, null);

    private static (bool Ok, ImmutableArray<int> Value, string? Warning) ParseIntList(string text)
    {
        var values = ImmutableArray.CreateBuilder<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            {
                return (false, [], null);
            }

            values.Add(v);
        }

        return (true, values.ToImmutable(), null);
    }
}
