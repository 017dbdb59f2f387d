using System.Collections.Immutable;

namespace AslSweep.Contracts;

/// <summary>
/// One configuration of a sweep with replicates: its trials (one per seed) summarised by the mean over them of each
/// trial's stable metric, with 95% bootstrap intervals, in the ranked view and in both BatchNorm views.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("aslsweep.ConfigurationRow")]
public sealed record ConfigurationRow
{
    /// <summary>1-based rank by the mean stable metric (configurations with every replicate completed first).</summary>
    [Id(0)]
    public int Rank { get; init; }

    /// <summary>Its trials, one per replicate, in order.</summary>
    [Id(1)]
    public ImmutableArray<int> TrialIds { get; init; } = [];

    /// <summary>Each replicate's seed, in the order of <see cref="TrialIds"/>.</summary>
    [Id(2)]
    public ImmutableArray<int> Seeds { get; init; } = [];

    /// <summary>The configuration (its first replicate's config, with that replicate's seed).</summary>
    [Id(3)]
    public TrialConfig Config { get; init; } = new();

    /// <summary>True for the notebook's configuration.</summary>
    [Id(4)]
    public bool IsBaseline { get; init; }

    /// <summary>Replicates that completed with a judged curve: the ones the means are over.</summary>
    [Id(5)]
    public int Judged { get; init; }

    /// <summary>
    /// True when every replicate completed with a judged curve: only such a configuration is evidence (one stopped
    /// or failed in any replicate is summarised over the rest and ranked after).
    /// </summary>
    [Id(6)]
    public bool Complete { get; init; }

    /// <summary>The ranked metric (the spec's metric in its view): the mean over replicates of their stable values.</summary>
    [Id(7)]
    public IntervalEstimate Stable { get; init; } = new();

    /// <summary>Stable validation accuracy with the BatchNorm moving averages (the notebook's measurement).</summary>
    [Id(8)]
    public IntervalEstimate Moving { get; init; } = new();

    /// <summary>Stable validation accuracy with recomputed BatchNorm statistics.</summary>
    [Id(9)]
    public IntervalEstimate Recomputed { get; init; } = new();

    /// <summary>How many replicates were judged converged.</summary>
    [Id(10)]
    public int Converged { get; init; }

    /// <summary>The replicates' states, e.g. "2 completed" or "1 completed, 1 stopped at epoch 3".</summary>
    [Id(11)]
    public string States { get; init; } = "";
}
