using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AslSweep.Sweeps.Specs;

/// <summary>
/// Refuses spec text that could exhaust a reader before it is loaded: text over <see cref="MaxBytes"/>, nesting
/// deeper than <see cref="MaxDepth"/>, more than <see cref="MaxNodes"/> nodes, and YAML aliases (the
/// "billion laughs" expansion: a few lines of anchors and aliases that stand for billions of nodes). A spec
/// needs none of these.
/// </summary>
public static class SpecShapeGuard
{
    /// <summary>Largest spec text, in characters.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Deepest nesting of mappings and lists.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most nodes in a spec.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The first problem, located as source:line:column, or null.</summary>
    public static string? Check(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            return $"{source}: {text.Length:N0} characters; a spec may have at most {MaxBytes:N0}";
        }

        var parser = new Parser(new StringReader(text));
        int depth = 0;
        int nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case AnchorAlias alias:
                        return $"{source}:{e.Start.Line}:{e.Start.Column}: YAML alias *{alias.Value}: anchors and aliases are not allowed in specs";
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return $"{source}:{e.Start.Line}:{e.Start.Column}: nested deeper than {MaxDepth} levels";
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                if (e is NodeEvent && ++nodes > MaxNodes)
                {
                    return $"{source}:{e.Start.Line}:{e.Start.Column}: more than {MaxNodes:N0} YAML nodes";
                }
            }
        }
        catch (YamlException e)
        {
            return $"{source}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}";
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed plain scalars (found by the spec fuzz test).
            return $"{source}:{parser.Current?.Start.Line ?? 0}:{parser.Current?.Start.Column ?? 0}: not valid YAML near here";
        }

        return null;
    }
}
