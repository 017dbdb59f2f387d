namespace AslSweep.Parameters;

/// <summary>The value type of a sweep parameter, which fixes how its values are parsed and checked.</summary>
public enum ParameterKind
{
    /// <summary>A real number in a range.</summary>
    Float,

    /// <summary>A whole number in a range.</summary>
    Int,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>A list of whole numbers, e.g. filters per block.</summary>
    IntList,

    /// <summary>A strength: a number, or true (1) / false (0).</summary>
    Strength,
}
