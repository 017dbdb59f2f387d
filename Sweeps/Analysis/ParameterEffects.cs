using System.Collections.Immutable;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The effect of each hyperparameter that varies in a sweep: for each of its values, the mean stable metric and
/// mean last-k deviation of the completed, judged trials that used it (grouped means, as W&amp;B's parameter
/// importance panel starts from). Stopped trials are left out: their statistics come from early epochs.
/// </summary>
public static class ParameterEffects
{
    /// <summary>Grouped means of <paramref name="metric"/>'s stable value, parameters in the config's order, values in their numeric or text order.</summary>
    public static ImmutableArray<ParameterEffect> Of(IEnumerable<TrialReportRow> rows, RankingMetric metric)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        var judged = rows.Where(IsEvidence).Select(r => (Row: r, Pairs: Pairs(r.Config))).ToList();
        if (judged.Count == 0)
        {
            return [];
        }

        var effects = ImmutableArray.CreateBuilder<ParameterEffect>();
        // The seed is not a hyperparameter: trials differing only in it measure noise, not an effect.
        foreach (string parameter in judged[0].Pairs.Keys.Where(p => p != "seed"))
        {
            var groups = judged.GroupBy(j => j.Pairs[parameter]).ToList();
            if (groups.Count < 2)
            {
                continue;
            }

            effects.AddRange(groups
                .OrderBy(g => double.TryParse(g.Key, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : double.NaN)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ParameterEffect
                {
                    Parameter = parameter,
                    Value = g.Key,
                    Trials = g.Count(),
                    MeanStable = g.Average(j => metric.Stable(j.Row)),
                    MeanStd = g.Average(j => j.Row.StdLastK),
                }));
        }

        return effects.ToImmutable();
    }

    /// <summary>A row whose statistics describe a finished curve: completed with a verdict other than unknown or diverged.</summary>
    public static bool IsEvidence(TrialReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.State == TrialState.Completed && row.Verdict is not (Verdict.Unknown or Verdict.Diverged);
    }

    /// <summary>Every hyperparameter of the config as name → canonical text, in the catalogue's order.</summary>
    public static Dictionary<string, string> Pairs(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Values().ToDictionary(v => v.Parameter.Name, v => v.Value);
    }
}
