using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>
/// The metric a spec ranks by: its name picks the value (validation accuracy or loss), its view the BatchNorm
/// statistics of the validation, its goal the direction. The one place ranking, schedulers, the recommendation and
/// the best-metric gauge read either from.
/// </summary>
/// <param name="Name">The metric.</param>
/// <param name="Goal">Whether higher or lower is better.</param>
/// <param name="View">The validation view ranked by; the other is reported beside it.</param>
public sealed record RankingMetric(MetricName Name, MetricGoal Goal, ValidationView View = ValidationView.Moving)
{
    /// <summary>The ranking metric of <paramref name="metric"/>.</summary>
    public static RankingMetric For(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new RankingMetric(metric.Name, metric.Goal, metric.Statistics);
    }

    /// <summary>
    /// <paramref name="epochs"/> as seen in <paramref name="view"/>: for the recomputed view, each epoch's validation
    /// loss and accuracy are the recomputed ones (an epoch recorded before both views were kept has only the one it
    /// measured, and keeps it).
    /// </summary>
    public static IReadOnlyList<EpochReport> InView(IReadOnlyList<EpochReport> epochs, ValidationView view)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return view == ValidationView.Recomputed
            ? [.. epochs.Select(e => double.IsNaN(e.RecomputedValAccuracy) ? e : e with { ValLoss = e.RecomputedValLoss, ValAccuracy = e.RecomputedValAccuracy })]
            : epochs;
    }

    /// <summary>The statistics of a curve in this metric's view; null without epochs.</summary>
    public CurveStatistics? Statistics(IReadOnlyList<EpochReport> epochs, int k) => CurveStatistics.Of(InView(epochs, View), k);

    /// <summary>The view's spelling (recomputed, moving).</summary>
    public string SpelledView => Spellings.View.Of(View);

    /// <summary>The metric's spelling (val_accuracy, val_loss).</summary>
    public string Spelled => Spellings.Metric.Of(Name);

    /// <summary>The mean of the metric over <paramref name="epochs"/>, in this metric's view.</summary>
    public double Mean(IReadOnlyList<EpochReport> epochs)
    {
        var seen = InView(epochs, View);
        return Name == MetricName.ValLoss ? seen.Average(e => e.ValLoss) : seen.Average(e => e.ValAccuracy);
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
