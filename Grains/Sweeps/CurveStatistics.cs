using AslSweep.Contracts;

namespace AslSweep.Grains.Sweeps;

/// <summary>Statistics of one trial's curve over its last k epochs.</summary>
/// <param name="Best">Best validation accuracy of any epoch.</param>
/// <param name="Final">Validation accuracy of the last epoch.</param>
/// <param name="MeanLastK">Mean validation accuracy of the last k epochs.</param>
/// <param name="StdLastK">Population standard deviation of those.</param>
/// <param name="Gap">Mean training minus mean validation accuracy over the last k epochs.</param>
/// <param name="MeanValLossLastK">Mean validation loss of the last k epochs.</param>
public sealed record CurveStatistics(double Best, double Final, double MeanLastK, double StdLastK, double Gap, double MeanValLossLastK)
{
    /// <summary>Computes the statistics; null for a curve without epochs.</summary>
    public static CurveStatistics? Of(IReadOnlyList<EpochReport> epochs, int k)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Count == 0)
        {
            return null;
        }

        var last = epochs.Skip(Math.Max(0, epochs.Count - k)).ToList();
        double mean = last.Average(e => e.ValAccuracy);
        double std = Math.Sqrt(last.Average(e => (e.ValAccuracy - mean) * (e.ValAccuracy - mean)));
        double gap = last.Average(e => e.TrainAccuracy) - mean;
        return new CurveStatistics(epochs.Max(e => e.ValAccuracy), epochs[^1].ValAccuracy, mean, std, gap, last.Average(e => e.ValLoss));
    }
}
