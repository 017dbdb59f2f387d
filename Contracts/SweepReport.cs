using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>The answer of a sweep: every trial ranked by its stable metric, with verdicts and their thresholds.</summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.SweepReport")]
public sealed record SweepReport
{
    /// <summary>The sweep id.</summary>
    [Id(0)]
    public string SweepId { get; init; } = "";

    /// <summary>The spec's name.</summary>
    [Id(1)]
    public string Name { get; init; } = "";

    /// <summary>The sweep's state when the report was made.</summary>
    [Id(2)]
    public SweepState State { get; init; }

    /// <summary>k of "mean of the last k epochs".</summary>
    [Id(3)]
    public int LastK { get; init; }

    /// <summary>Trials, best first; trials without epochs last.</summary>
    [Id(4)]
    public ImmutableArray<TrialReportRow> Rows { get; init; } = [];

    /// <summary>True for the embedded synthetic data set.</summary>
    [Id(5)]
    public bool Synthetic { get; init; }

    /// <summary>How the verdicts were decided, for people.</summary>
    [Id(6)]
    public string Thresholds { get; init; } = "";

    // Id 7 held a one-line summary that duplicated Recommendation; it stays unused.

    /// <summary>Per hyperparameter value: the mean stable metric and mean last-k deviation of the judged trials with it.</summary>
    [Id(8)]
    public ImmutableArray<ParameterEffect> Effects { get; init; } = [];

    /// <summary>The recommended trial (0: none yet).</summary>
    [Id(9)]
    public int RecommendedTrialId { get; init; }

    /// <summary>The baseline trial (0: the spec opted out).</summary>
    [Id(10)]
    public int BaselineTrialId { get; init; }

    /// <summary>The recommendation and its evidence, compared with the baseline.</summary>
    [Id(11)]
    public string Recommendation { get; init; } = "";

    /// <summary>The scheduler's stop decisions with their reasons.</summary>
    [Id(12)]
    public ImmutableArray<SchedulingDecision> Decisions { get; init; } = [];

    /// <summary>The metric the rows are ranked by, spelled (val_accuracy, val_loss).</summary>
    [Id(13)]
    public string RankedBy { get; init; } = "val_accuracy";

    /// <summary>
    /// Expected best stable metric of n trials drawn from the completed ones, n = 1..N (Dodge et al. 2019): what a
    /// budget of n trials buys.
    /// </summary>
    [Id(14)]
    public ImmutableArray<double> ExpectedBest { get; init; } = [];

    /// <summary>Standard deviation of that best, n = 1..N.</summary>
    [Id(15)]
    public ImmutableArray<double> ExpectedBestStd { get; init; } = [];

    /// <summary>The view (BatchNorm statistics) the rows are ranked by, spelled (recomputed, moving).</summary>
    [Id(16)]
    public string View { get; init; } = "recomputed";

    /// <summary>Replicates per configuration the spec asked for (1: every trial is a configuration).</summary>
    [Id(17)]
    public int Replicates { get; init; } = 1;

    /// <summary>With replicates: every configuration, best first, with the means and intervals over its seeds.</summary>
    [Id(18)]
    public ImmutableArray<ConfigurationRow> Configurations { get; init; } = [];

    /// <summary>With replicates: the recommended configuration against the runner-up and the baseline, paired by seed.</summary>
    [Id(19)]
    public ImmutableArray<ReplicateComparison> Comparisons { get; init; } = [];

    /// <summary>
    /// What mattered: each varying hyperparameter's importance for reaching the top trials (PED-ANOVA, Watanabe et al.
    /// 2023) over the completed trials, most important first; each row says how many trials it rests on.
    /// </summary>
    [Id(20)]
    public ImmutableArray<ParameterImportance> Importance { get; init; } = [];
}
