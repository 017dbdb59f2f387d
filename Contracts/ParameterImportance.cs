namespace AslSweep.Contracts;

/// <summary>
/// How much one hyperparameter mattered for reaching the sweep's top trials, by PED-ANOVA (Watanabe, Bansal and
/// Hutter, IJCAI 2023): the Pearson divergence between the distribution of its values among the top-quantile
/// trials and among all the trials.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ParameterImportance")]
public sealed record ParameterImportance
{
    /// <summary>The parameter (snake_case, as in specs).</summary>
    [Id(0)]
    public string Parameter { get; init; } = "";

    /// <summary>
    /// The importance normalised over one report: the importances of a report add to 1, unless every divergence is
    /// 0, when all are 0.
    /// </summary>
    [Id(1)]
    public double Importance { get; init; }

    /// <summary>
    /// The raw Pearson divergence (chi-squared divergence) of the top trials' distribution of this parameter from
    /// all the trials' distribution; 0 when the two agree.
    /// </summary>
    [Id(2)]
    public double Divergence { get; init; }

    /// <summary>The trials it was computed over: those with a finite score that set this parameter.</summary>
    [Id(3)]
    public int Trials { get; init; }

    /// <summary>How many of those formed the top quantile.</summary>
    [Id(4)]
    public int TopTrials { get; init; }
}
