using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The metric a spec ranks by: its name picks the value (validation accuracy or loss), its goal the direction. The
/// one place ranking, schedulers, the recommendation and the best-metric gauge read either from.
/// </summary>
/// <param name="Name">The metric.</param>
/// <param name="Goal">Whether higher or lower is better.</param>
public sealed record RankingMetric(MetricName Name, MetricGoal Goal)
{
    /// <summary>The ranking metric of <paramref name="metric"/>.</summary>
    public static RankingMetric For(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new RankingMetric(metric.Name, metric.Goal);
    }

    /// <summary>The metric's spelling (val_accuracy, val_loss).</summary>
    public string Spelled => Spellings.Metric.Of(Name);

    /// <summary>The mean of the metric over <paramref name="epochs"/>.</summary>
    public double Mean(IReadOnlyCollection<EpochReport> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return Name == MetricName.ValLoss ? epochs.Average(e => e.ValLoss) : epochs.Average(e => e.ValAccuracy);
    }

    /// <summary>The stable value (mean of the last k epochs) of a report row.</summary>
    public double Stable(TrialReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Name == MetricName.ValLoss ? row.MeanValLossLastK : row.MeanLastK;
    }

    /// <summary>The stable value of a curve's statistics.</summary>
    public double Stable(CurveStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Name == MetricName.ValLoss ? statistics.MeanValLossLastK : statistics.MeanLastK;
    }

    /// <summary>The value signed by the goal, so that higher is always better.</summary>
    public double Score(double value) => Goal == MetricGoal.Minimize ? -value : value;
}
