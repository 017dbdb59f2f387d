using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Sweeps.Tests.Scheduling;

public sealed class FairShareTests
{
    [Fact]
    public void Allocate_twoHungrySweeps_splitEvenly()
    {
        var shares = FairShare.Allocate(4, [("a", 100), ("b", 8)]);

        Assert.Equal(2, shares["a"]);
        Assert.Equal(2, shares["b"]);
    }

    [Fact]
    public void Allocate_oneSweepWantsLess_othersGetWhatItLeaves()
    {
        var shares = FairShare.Allocate(10, [("a", 1), ("b", 100), ("c", 3)]);

        Assert.Equal(1, shares["a"]);
        Assert.Equal(6, shares["b"]);
        Assert.Equal(3, shares["c"]);
    }

    [Fact]
    public void Allocate_unevenDivision_firstArrivalsGetTheRemainder()
    {
        var shares = FairShare.Allocate(5, [("first", 9), ("second", 9), ("third", 9)]);

        Assert.Equal([2, 2, 1], new[] { shares["first"], shares["second"], shares["third"] });
    }

    [Fact]
    public void Allocate_moreSweepsThanWorkers_earliestGetOneEachAndTheRestWait()
    {
        var shares = FairShare.Allocate(2, [("a", 5), ("b", 5), ("c", 5)]);

        Assert.Equal([1, 1, 0], new[] { shares["a"], shares["b"], shares["c"] });
    }

    [Fact]
    public void Allocate_aloneOrIdle_getsItsDemandUpToTheWorkers()
    {
        Assert.Equal(4, FairShare.Allocate(4, [("a", 100)])["a"]);
        Assert.Equal(3, FairShare.Allocate(4, [("a", 3)])["a"]);
        Assert.Equal(0, FairShare.Allocate(4, [("a", 0)])["a"]);
        Assert.Equal(0, FairShare.Allocate(0, [("a", 3)])["a"]);
    }

    [Fact]
    public void Allocate_anyDemands_neverExceedsWorkersOrDemandAndLeavesNoWorkerIdleWhileSomeoneWants()
    {
        var random = new Random(7);
        for (int round = 0; round < 500; round++)
        {
            int workers = random.Next(0, 20);
            var demands = Enumerable.Range(0, random.Next(1, 6)).Select(i => ($"s{i}", random.Next(0, 12))).ToList();

            var shares = FairShare.Allocate(workers, demands);

            Assert.All(demands, d => Assert.InRange(shares[d.Item1], 0, d.Item2));
            Assert.Equal(Math.Min(workers, demands.Sum(d => d.Item2)), shares.Values.Sum());
            // Max-min fair: a sweep short of its demand holds at least as much as any other sweep, give or take one.
            foreach (var (sweep, demand) in demands.Where(d => shares[d.Item1] < d.Item2))
            {
                Assert.All(shares.Values, other => Assert.True(shares[sweep] >= other - 1, $"{sweep}: {shares[sweep]} vs {other}"));
            }
        }
    }
}
