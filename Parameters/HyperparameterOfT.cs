namespace AslSweep.Parameters;

/// <summary>
/// One hyperparameter, typed: its default, how it is read from and written to a <see cref="TrialConfig"/>, how
/// its text is parsed and printed, and the rule its values obey. Built only by <see cref="Hyperparameters"/>.
/// </summary>
/// <typeparam name="T">The value type (double, int, bool, an enum, or a list of ints).</typeparam>
public sealed class Hyperparameter<T> : Hyperparameter
    where T : notnull
{
    private readonly Func<TrialConfig, T> get;
    private readonly Func<TrialConfig, T, TrialConfig> set;
    private readonly Func<T, string> format;
    private readonly Func<string, (bool Ok, T Value, string? Warning)> parse;
    private readonly Func<T, IEnumerable<double>> numbers;
    private readonly Func<T, string?> extraRule;
    private readonly Func<double, T> fromNumber;
    private readonly IEqualityComparer<T> comparer;
    private readonly string expected;

    internal Hyperparameter(HyperparameterShape<T> shape)
        : base(shape.Name, shape.Kind, shape.Description)
    {
        Default = shape.Default;
        get = shape.Get;
        set = shape.Set;
        format = shape.Format;
        parse = shape.Parse;
        numbers = shape.Numbers ?? (_ => []);
        extraRule = shape.Rule ?? (_ => null);
        Min = shape.Min;
        Max = shape.Max;
        MinExclusive = shape.MinExclusive;
        MaxExclusive = shape.MaxExclusive;
        Option = shape.Option ?? Option;
        DescribedOnlyWhenSet = shape.DescribedOnlyWhenSet;
        fromNumber = shape.FromNumber ?? (_ => throw new InvalidOperationException($"{shape.Name} takes no distribution"));
        comparer = shape.Comparer ?? EqualityComparer<T>.Default;
        expected = shape.Expected;
        Choices = shape.Choices;
    }

    /// <summary>The course notebook's value.</summary>
    public T Default { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Choices { get; }

    /// <summary>This parameter's value in <paramref name="config"/>.</summary>
    public T Get(TrialConfig config) => get(config ?? throw new ArgumentNullException(nameof(config)));

    /// <summary><paramref name="config"/> with this parameter set to <paramref name="value"/>.</summary>
    public TrialConfig Set(TrialConfig config, T value) => set(config ?? throw new ArgumentNullException(nameof(config)), value);

    /// <summary><paramref name="value"/> in canonical text, as specs and reports write it.</summary>
    public string Format(T value) => format(value);

    /// <summary>Checks a typed value against the range and rules; returns the problem (without the name), or null.</summary>
    public string? Check(T value) => Rule(value);

    /// <summary>Parses canonical text; throws <see cref="FormatException"/> naming the parameter when it is not valid.</summary>
    public T Parse(string text, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (ok, value, w) = parse(text);
        string? problem = ok ? Rule(value) : $"'{text}' is not {expected}";
        if (problem is not null)
        {
            throw new FormatException($"{Name}: {problem}");
        }

        warning = w is null ? null : $"{Name}: {w}";
        return value;
    }

    /// <summary>
    /// Checks canonical text as specs must write it: an old spelling, which <see cref="Parse"/> accepts with a
    /// warning (the CLI's), is a problem here, since a spec has only ever had the one spelling.
    /// </summary>
    public override string? CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (ok, value, warning) = parse(text);
        return ok && warning is null ? Rule(value) : $"'{text}' is not {expected}";
    }

    /// <inheritdoc />
    public override object ParseText(string text, out string? warning) => Parse(text, out warning);

    /// <inheritdoc />
    public override object FromNumber(double value) => fromNumber(value);

    /// <inheritdoc />
    public override TrialConfig Apply(TrialConfig config, object value) => Set(config, (T)value);

    /// <inheritdoc />
    public override string Text(TrialConfig config) => format(Get(config));

    /// <inheritdoc />
    public override bool SameIn(TrialConfig a, TrialConfig b) => comparer.Equals(Get(a), Get(b));

    /// <inheritdoc />
    public override int HashIn(TrialConfig config) => comparer.GetHashCode(Get(config));

    /// <inheritdoc />
    public override bool IsDefaultIn(TrialConfig config) => comparer.Equals(Get(config), Default);

    private string? Rule(T value) =>
        numbers(value).Select(CheckRange).FirstOrDefault(p => p is not null) ?? extraRule(value);
}
