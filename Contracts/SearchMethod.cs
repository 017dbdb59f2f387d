namespace AslSweep.Contracts;

/// <summary>How a sweep proposes its trials (the spec's <c>method</c>; spelled by <see cref="Spellings.Method"/>).</summary>
public enum SearchMethod
{
    /// <summary>Every combination of the listed values.</summary>
    Grid,

    /// <summary>Independent draws from each parameter's values or distribution.</summary>
    Random,
}
