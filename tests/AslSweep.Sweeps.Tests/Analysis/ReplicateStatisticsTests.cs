using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>Issue 17, item 2: the statistics of replicates, on numbers whose intervals and p-values are known.</summary>
public sealed class ReplicateStatisticsTests
{
    [Fact]
    public void BootstrapInterval_twoValues_isTheirRange()
    {
        // A resample's mean is 0.90 or 0.94 a quarter of the time each: the 2.5th and 97.5th percentiles are the ends.
        var (low, high) = ReplicateStatistics.BootstrapInterval([0.94, 0.90]);

        Assert.Equal(0.90, low, 12);
        Assert.Equal(0.94, high, 12);
    }

    [Fact]
    public void BootstrapInterval_fiveValues_matchesTheExactBootstrapDistribution()
    {
        double[] values = [0.91, 0.95, 0.93, 0.99, 0.90];
        // All 5^5 resamples, equally likely: the exact bootstrap distribution of the mean and its percentiles.
        var means = new List<double>();
        foreach (int code in Enumerable.Range(0, 3125))
        {
            int c = code;
            double sum = 0;
            for (int i = 0; i < 5; i++, c /= 5)
            {
                sum += values[c % 5];
            }

            means.Add(sum / 5);
        }

        means.Sort();
        double exactLow = means[(int)(0.025 * 3124)];
        double exactHigh = means[(int)Math.Ceiling(0.975 * 3124)];

        var (low, high) = ReplicateStatistics.BootstrapInterval(values);

        Assert.InRange(low, exactLow - 0.002, exactLow + 0.002);
        Assert.InRange(high, exactHigh - 0.002, exactHigh + 0.002);
        Assert.True(low > values.Min() && high < values.Max(), "five values: the interval is narrower than their range");
        Assert.Equal((low, high), ReplicateStatistics.BootstrapInterval(values));
    }

    [Fact]
    public void BootstrapInterval_oneOrNoValue_isNaN()
    {
        // One value says nothing of its spread: a zero-width interval around it once read "excludes 0".
        Assert.True(double.IsNaN(ReplicateStatistics.BootstrapInterval([0.9]).Low));
        Assert.True(double.IsNaN(ReplicateStatistics.BootstrapInterval([]).Low));
    }

    [Fact]
    public void SmallestPValue_tiedDifferences_countOnlyTheNonZeroOnes()
    {
        Assert.Equal(2.0 / 16, ReplicateStatistics.SmallestPValue([0.01, 0, 0.02, 0.03, 0, 0.01]), 12);
        Assert.Equal(1.0, ReplicateStatistics.SmallestPValue([0.0, 0.0]), 12);
        // And the test agrees: the all-positive pattern and its mirror, each with the zeros' 4 sign choices, are the
        // 8 of the 64 patterns as extreme: 2/2^4.
        Assert.Equal(8.0 / 64, ReplicateStatistics.SignFlipPValue([0.01, 0, 0.02, 0.03, 0, 0.01]), 12);
    }

    [Theory]
    // 1, 2, 3 all positive: only the observed pattern and its mirror reach |sum| 6 of the 8 patterns.
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 0.25)]
    // Sum 5; |±1±1±2±3| >= 5 for +1+1+2+3, and the two with one 1 negated, and their three mirrors: 6 of 16.
    [InlineData(new[] { 1.0, -1.0, 2.0, 3.0 }, 0.375)]
    // Two positive differences: 2 of 4 patterns.
    [InlineData(new[] { 0.01, 0.03 }, 0.5)]
    // Differences cancelling: every pattern is as extreme as zero.
    [InlineData(new[] { 0.02, -0.02 }, 1.0)]
    public void SignFlipPValue_handCountedPatterns_givesTheExactShare(double[] differences, double expected)
    {
        Assert.Equal(expected, ReplicateStatistics.SignFlipPValue(differences), 12);
    }

    [Fact]
    public void SignFlipPValue_sixPositiveSeeds_isBelowFivePercent()
    {
        Assert.Equal(2.0 / 64, ReplicateStatistics.SignFlipPValue([0.01, 0.02, 0.015, 0.03, 0.01, 0.005]), 12);
        Assert.Equal(2.0 / 64, ReplicateStatistics.SmallestPValue(6), 12);
        Assert.Equal(0.5, ReplicateStatistics.SmallestPValue(2), 12);
        Assert.Equal(1.0, ReplicateStatistics.SignFlipPValue([]));
    }

    [Fact]
    public void SignFlipPValue_manyPairs_samplesCloseToTheNormalApproximation()
    {
        // 30 differences of +-1 with 20 positive: sum 10, and the sign-flip null is a sum of 30 fair +-1 steps
        // (variance 30), so p is about P(|Z| >= 10/sqrt(30)) = 0.068 (0.0987 exactly with the continuity of steps).
        double[] differences = [.. Enumerable.Range(0, 30).Select(i => i < 20 ? 1.0 : -1.0)];

        double p = ReplicateStatistics.SignFlipPValue(differences);

        // Exact binomial: P(|S| >= 10) = 2 P(B(30, 1/2) >= 20) = 0.0987.
        Assert.InRange(p, 0.0987 - 0.005, 0.0987 + 0.005);
    }

    [Fact]
    public void ProbabilityOfImprovement_tiesCountHalf()
    {
        Assert.Equal(0.625, ReplicateStatistics.ProbabilityOfImprovement([0.1, 0.2, 0, -0.1]), 12);
        Assert.True(double.IsNaN(ReplicateStatistics.ProbabilityOfImprovement([])));
    }
}
