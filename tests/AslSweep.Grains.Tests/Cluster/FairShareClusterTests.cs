using System.Diagnostics;
using AslSweep.Contracts;
using Xunit.Abstractions;

namespace AslSweep.Grains.Tests.Cluster;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class FairShareClusterTests(TwoSiloClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Dispatch_secondSweepArrivesWhileFirstHoldsEveryWorker_eachGetsHalfAsTrialsEnd()
    {
        const int Workers = 2 * TwoSiloClusterFixture.DevicesPerSilo;
        var seeds = new ParameterSpec { Name = "seed", Values = [.. Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] };
        var spec = TwoSiloClusterFixture.TinySpec(20, seeds) with { MaxConcurrent = 100 };
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("share-first").Start(spec);
        await fixture.WaitForSweep("share-first", s => Running(s) == Workers, Limit);

        var clock = Stopwatch.StartNew();
        await fixture.Client.GetGrain<ISweepCoordinatorGrain>("share-second").Start(spec);
        var second = await fixture.WaitForSweep("share-second", s => Running(s) > 0, Limit);
        var firstStart = clock.Elapsed;
        // Without sharing the first sweep takes back each worker its trials free until its queue is empty.
        second = await fixture.WaitForSweep("share-second", s => Running(s) == Workers / 2, Limit);
        var first = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("share-first").GetStatus();
        output.WriteLine($"second sweep: first trial after {firstStart.TotalSeconds:F1} s, half the workers after {clock.Elapsed.TotalSeconds:F1} s; first sweep then ran {Running(first)} with {Pending(first)} pending");

        Assert.True(Pending(first) > 0, "the first sweep ran out of trials before the second got its share; the test proves nothing");

        // Both finish; the second is not starved, nor the first.
        await fixture.WaitForSweep("share-first", s => s.State == SweepState.Completed, Limit);
        await fixture.WaitForSweep("share-second", s => s.State == SweepState.Completed, Limit);
    }

    private static int Running(SweepStatus status) => status.Trials.Count(t => t.State == TrialState.Running);

    private static int Pending(SweepStatus status) => status.Trials.Count(t => t.State == TrialState.Pending);
}
