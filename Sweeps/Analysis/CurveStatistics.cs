using AslSweep.Contracts;

namespace AslSweep.Sweeps.Analysis;

/// <summary>Statistics of one trial's curve over its last k epochs.</summary>
/// <param name="Best">Best validation accuracy of any epoch.</param>
/// <param name="Final">Validation accuracy of the last epoch.</param>
/// <param name="MeanLastK">Mean validation accuracy of the last k epochs.</param>
/// <param name="StdLastK">Population standard deviation of those.</param>
/// <param name="Gap">Mean training minus mean validation accuracy over the last k epochs.</param>
/// <param name="MeanValLossLastK">Mean validation loss of the last k epochs.</param>
public sealed record CurveStatistics(double Best, double Final, double MeanLastK, double StdLastK, double Gap, double MeanValLossLastK)
{
    /// <summary>The epoch of <see cref="Best"/> (the first, on ties).</summary>
    public int BestEpoch { get; init; }

    /// <summary>Sign changes between successive validation-accuracy differences over the whole curve (flat steps skipped).</summary>
    public int DirectionChanges { get; init; }

    /// <summary>Least-squares slope of the validation accuracy over the last k epochs, per epoch.</summary>
    public double SlopeLastK { get; init; }

    /// <summary>Mean training accuracy over the last k epochs.</summary>
    public double TrainLastK { get; init; }

    /// <summary>A loss of some epoch is NaN or infinite.</summary>
    public bool NonFiniteLoss { get; init; }

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
        double train = last.Average(e => e.TrainAccuracy);
        var best = epochs.MaxBy(e => e.ValAccuracy)!;
        return new CurveStatistics(best.ValAccuracy, epochs[^1].ValAccuracy, mean, std, train - mean, last.Average(e => e.ValLoss))
        {
            BestEpoch = best.Epoch,
            DirectionChanges = DirectionChangesOf(epochs.Select(e => e.ValAccuracy).ToList()),
            SlopeLastK = Slope(last.Select(e => (double)e.Epoch).ToList(), last.Select(e => e.ValAccuracy).ToList()),
            TrainLastK = train,
            NonFiniteLoss = epochs.Any(e => !double.IsFinite(e.TrainLoss) || !double.IsFinite(e.ValLoss)),
        };
    }

    private static int DirectionChangesOf(IReadOnlyList<double> values)
    {
        int changes = 0;
        int previous = 0;
        for (int i = 1; i < values.Count; i++)
        {
            int sign = Math.Sign(values[i] - values[i - 1]);
            if (sign == 0)
            {
                continue;
            }

            if (previous != 0 && sign != previous)
            {
                changes++;
            }

            previous = sign;
        }

        return changes;
    }

    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2)
        {
            return 0;
        }

        double mx = x.Average();
        double my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx));
        return sxx == 0 ? 0 : x.Select((v, i) => (v - mx) * (y[i] - my)).Sum() / sxx;
    }
}
