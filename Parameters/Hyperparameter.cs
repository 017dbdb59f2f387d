using System.Globalization;

namespace AslSweep.Parameters;

/// <summary>
/// One hyperparameter, untyped view: its snake_case name (the same in specs, reports and metric labels), its
/// CLI option, type and range, and how a value in canonical text ("0.2", "true", "rmsprop", "75,50,25") is
/// checked, parsed, applied to a <see cref="TrialConfig"/> and printed. <see cref="Hyperparameter{T}"/> is the
/// typed definition; <see cref="Hyperparameters"/> lists them all.
/// </summary>
public abstract class Hyperparameter
{
    private protected Hyperparameter(string name, ParameterKind kind, string description)
    {
        Name = name;
        Kind = kind;
        Description = description;
        Option = "--" + name.Replace('_', '-');
    }

    /// <summary>snake_case name, e.g. dense_dropout.</summary>
    public string Name { get; }

    /// <summary>The value type, which fixes parsing and which distributions fit.</summary>
    public ParameterKind Kind { get; }

    /// <summary>What it is, for help texts.</summary>
    public string Description { get; }

    /// <summary>The <c>aslsweep train</c> option that sets it.</summary>
    public string Option { get; init; }

    /// <summary>Lowest value (or element, for lists); NaN when not numeric.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Highest value; NaN when not numeric.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether <see cref="Max"/> itself is excluded.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>Whether the value is left out of <see cref="TrialConfig.Describe"/> when it is the default.</summary>
    public bool DescribedOnlyWhenSet { get; init; }

    /// <summary>The words a choice may take, in their one spelling; empty for other kinds.</summary>
    public abstract IReadOnlyList<string> Choices { get; }

    /// <summary>The range in interval notation, for messages.</summary>
    public string Range => FormattableString.Invariant($"{(MinExclusive ? "(" : "[")}{Min}, {Max}{(MaxExclusive ? ")" : "]")}");

    /// <summary>Whether a real-valued distribution (uniform, log_uniform) fits.</summary>
    public bool TakesRealDistribution => Kind is ParameterKind.Float or ParameterKind.Strength;

    /// <summary>Whether a whole-number distribution (int_uniform) fits.</summary>
    public bool TakesIntDistribution => Kind is ParameterKind.Int;

    /// <summary>Checks canonical text; returns the problem (without the name), or null when it is valid.</summary>
    public abstract string? CheckText(string text);

    /// <summary>
    /// Parses canonical text that passed <see cref="CheckText"/> into the typed value
    /// (<see cref="Apply"/> takes it); <paramref name="warning"/> is set for an old spelling.
    /// </summary>
    public abstract object ParseText(string text, out string? warning);

    /// <summary>The typed value of a number drawn from a distribution (a double, or an int for whole numbers).</summary>
    public abstract object FromNumber(double value);

    /// <summary>Sets this parameter of <paramref name="config"/> to a value from <see cref="ParseText"/> or <see cref="FromNumber"/>.</summary>
    public abstract TrialConfig Apply(TrialConfig config, object value);

    /// <summary>This parameter's value in <paramref name="config"/>, in canonical text.</summary>
    public abstract string Text(TrialConfig config);

    /// <summary>Whether the two configurations agree on this parameter.</summary>
    public abstract bool SameIn(TrialConfig a, TrialConfig b);

    /// <summary>A hash of this parameter's value in <paramref name="config"/>.</summary>
    public abstract int HashIn(TrialConfig config);

    /// <summary>Whether <paramref name="config"/> holds the default.</summary>
    public abstract bool IsDefaultIn(TrialConfig config);

    private protected string? CheckRange(double value)
    {
        if (double.IsNaN(Min))
        {
            return null;
        }

        bool outside = double.IsNaN(value) || value < Min || value > Max
            || (MinExclusive && value <= Min) || (MaxExclusive && value >= Max);
        return outside ? string.Create(CultureInfo.InvariantCulture, $"{value} is outside {Range}") : null;
    }
}
