namespace AslSweep.Contracts;

/// <summary>
/// The recommended configuration against another (the runner-up or the baseline), by the per-seed differences of
/// their stable metric on the seeds both ran (paired: replicate r of every configuration runs from the same
/// seed value, and both are measured on the same validation images).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ReplicateComparison")]
public sealed record ReplicateComparison
{
    /// <summary>runner-up or baseline.</summary>
    [Id(0)]
    public string Against { get; init; } = "";

    /// <summary>The other configuration's first trial.</summary>
    [Id(1)]
    public int OtherTrialId { get; init; }

    /// <summary>Seeds both configurations completed.</summary>
    [Id(2)]
    public int Pairs { get; init; }

    /// <summary>Mean per-seed difference (recommended minus other; positive: the recommendation is better) with its 95% bootstrap interval.</summary>
    [Id(3)]
    public IntervalEstimate Difference { get; init; } = new();

    /// <summary>Two-sided p-value of the paired sign-flip test (exact over every sign pattern up to 20 pairs, sampled above).</summary>
    [Id(4)]
    public double PValue { get; init; } = double.NaN;

    /// <summary>The smallest p-value these pairs can give (2/2^n over the n non-zero differences).</summary>
    [Id(5)]
    public double SmallestPValue { get; init; } = double.NaN;

    /// <summary>Share of the paired seeds on which the recommendation did better (ties half).</summary>
    [Id(6)]
    public double ProbabilityOfImprovement { get; init; } = double.NaN;

    /// <summary>Whether the two are told apart (<see cref="ComparisonVerdict"/>).</summary>
    [Id(7)]
    public ComparisonVerdict Verdict { get; init; }

    /// <summary>
    /// Half-width of the 95% binomial noise floor of the difference: one measurement each, taken as independent
    /// although both are scored on the same images (conservative); NaN when unknown or for a loss.
    /// </summary>
    [Id(8)]
    public double NoiseFloor { get; init; } = double.NaN;

    /// <summary>The comparison in words, with the reason when the two are not told apart.</summary>
    [Id(9)]
    public string Text { get; init; } = "";
}
