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

    /// <summary>The recommendation in one sentence.</summary>
    [Id(7)]
    public string Summary { get; init; } = "";
}
