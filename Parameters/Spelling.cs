namespace AslSweep.Parameters;

/// <summary>
/// The one spelling of each value of a closed set (an enum) in specs, options, reports and on the wire; the enum's
/// own member names (in any case) are still read, with a warning that names the spelling.
/// </summary>
/// <typeparam name="TEnum">The closed set.</typeparam>
public sealed class Spelling<TEnum>
    where TEnum : struct, Enum
{
    private readonly (TEnum Value, string Word)[] _words;

    /// <summary>A spelling for every value of <typeparamref name="TEnum"/>, in the order given.</summary>
    public Spelling(params (TEnum Value, string Word)[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var missing = Enum.GetValues<TEnum>().Where(v => !words.Any(w => EqualityComparer<TEnum>.Default.Equals(w.Value, v))).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"no spelling for {string.Join(", ", missing)}", nameof(words));
        }

        _words = words;
        Words = [.. words.Select(w => w.Word)];
    }

    /// <summary>Every spelling, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words for messages: "a, b or c".</summary>
    public string Listed => Words.Count == 1 ? Words[0] : string.Join(", ", Words.Take(Words.Count - 1)) + " or " + Words[^1];

    /// <summary>The spelling of <paramref name="value"/>.</summary>
    public string Of(TEnum value)
    {
        foreach (var (v, word) in _words)
        {
            if (EqualityComparer<TEnum>.Default.Equals(v, value))
            {
                return word;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name}");
    }

    /// <summary>
    /// Reads <paramref name="text"/>: true for a spelling (<paramref name="warning"/> null) or an old spelling, the
    /// enum member's name in any case (<paramref name="warning"/> names the spelling); false otherwise.
    /// </summary>
    public bool TryRead(string? text, out TEnum value, out string? warning)
    {
        warning = null;
        foreach (var (v, word) in _words)
        {
            if (text == word)
            {
                value = v;
                return true;
            }
        }

        foreach (var (v, word) in _words)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase) || string.Equals(text, v.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                warning = $"'{text}' is an old spelling; write {word}";
                return true;
            }
        }

        value = default;
        return false;
    }
}
