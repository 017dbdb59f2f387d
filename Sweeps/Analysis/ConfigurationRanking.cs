using System.Collections.Immutable;
using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Search;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// With replicates, ranks configurations instead of trials: each by the mean over its replicates of their stable
/// metric (mean of the last k epochs), with a 95% bootstrap interval, in the ranked view and in both BatchNorm
/// views. Only replicates that completed with a judged curve count (a curve cut at a rung is no evidence); a
/// configuration with any other replicate is ranked after the complete ones.
/// </summary>
public static class ConfigurationRanking
{
    /// <summary>The configurations of <paramref name="rows"/>, best first; empty without replicates.</summary>
    public static ImmutableArray<ConfigurationRow> Of(IReadOnlyList<TrialReportRow> rows, RankingMetric metric, int replicates)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        if (replicates <= 1)
        {
            return [];
        }

        var byId = rows.ToDictionary(r => r.TrialId);
        return [.. Replicates.Groups(rows.Select(r => (r.TrialId, r.Config)), replicates)
            .Select(g => Summarise([.. g.Select(id => byId[id])], metric))
            .OrderBy(c => c.Complete ? 0 : c.Judged > 0 ? 1 : 2)
            .ThenByDescending(c => double.IsNaN(c.Stable.Mean) ? double.NegativeInfinity : metric.Score(c.Stable.Mean))
            .ThenBy(c => c.TrialIds[0])
            .Select((c, i) => c with { Rank = i + 1 })];
    }

    /// <summary>The mean of <paramref name="values"/> with its 95% bootstrap interval.</summary>
    public static IntervalEstimate Estimate(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (low, high) = ReplicateStatistics.BootstrapInterval(values);
        return new IntervalEstimate { Mean = values.Count == 0 ? double.NaN : values.Average(), Low = low, High = high };
    }

    private static ConfigurationRow Summarise(IReadOnlyList<TrialReportRow> replicates, RankingMetric metric)
    {
        var judged = replicates.Where(ParameterEffects.IsEvidence).ToList();
        return new ConfigurationRow
        {
            TrialIds = [.. replicates.Select(r => r.TrialId)],
            Seeds = [.. replicates.Select(r => r.Config.Seed)],
            Config = replicates[0].Config,
            IsBaseline = replicates[0].IsBaseline,
            Judged = judged.Count,
            Complete = judged.Count == replicates.Count,
            Stable = Estimate([.. judged.Select(metric.Stable)]),
            Moving = Estimate([.. judged.Select(r => r.Moving.MeanLastK)]),
            Recomputed = Estimate([.. judged.Select(r => r.Recomputed.MeanLastK)]),
            Converged = judged.Count(r => r.Verdict == Verdict.Converged),
            States = string.Join(", ", replicates.GroupBy(State).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"))),
        };
    }

    private static string State(TrialReportRow row) => row.State switch
    {
        TrialState.Stopped => string.Create(CultureInfo.InvariantCulture, $"stopped at epoch {row.Epochs}"),
        _ => row.State.ToString().ToLowerInvariant(),
    };
}
