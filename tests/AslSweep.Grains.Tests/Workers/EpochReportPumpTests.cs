using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using AslSweep.Contracts;
using AslSweep.Grains.Telemetry;
using AslSweep.Grains.Workers;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslSweep.Grains.Tests.Workers;

/// <summary>
/// Issue 16, item 4: an epoch report was sent once and dropped on error, and the gap held the scheduler until the
/// trial ended (a trial it should stop ran on). The pump now sends every epoch not yet acknowledged.
/// </summary>
public sealed class EpochReportPumpTests
{
    [Fact]
    public async Task OnEpoch_reportLostOnTheWay_isCarriedByTheNextReport()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var coordinator = new FlakyCoordinator(failFirst: 1);
        var pump = new EpochReportPump(coordinator, new TrialAssignment { SweepId = "s", TrialId = 4, Attempt = 2 }, new SweepMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger.Instance);

        foreach (int epoch in new[] { 1, 2, 3 })
        {
            pump.OnEpoch(new EpochMetrics(epoch, 1.0, 0.5, 1.0, 0.5 + (epoch / 10.0), 1e-3, 1, 100));
            await coordinator.WaitForCalls(epoch, TimeSpan.FromSeconds(10));
        }

        await pump.Drain();

        Assert.Equal(["1", "1,2", "3"], coordinator.Calls.Select(c => string.Join(",", c.Select(e => e.Epoch))));
        Assert.Equal([1, 2, 3], coordinator.Delivered.SelectMany(c => c).Select(e => e.Epoch));
    }

    [Fact]
    public async Task OnResumed_epochsFromTheCheckpoint_areReportedAgainBeforeTheNextEpoch()
    {
        // A coordinator lost before saving them would otherwise hold a gap where its scheduler waits for good.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var coordinator = new FlakyCoordinator(failFirst: 0);
        var pump = new EpochReportPump(coordinator, new TrialAssignment { SweepId = "s", TrialId = 4, Attempt = 2 }, new SweepMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger.Instance);

        pump.OnResumed([new EpochMetrics(1, 1.0, 0.5, 1.0, 0.6, 1e-3, 1, 100), new EpochMetrics(2, 0.9, 0.6, 0.9, 0.7, 1e-3, 1, 100)]);
        pump.OnEpoch(new EpochMetrics(3, 0.8, 0.7, 0.8, 0.8, 1e-3, 1, 100));
        await pump.Drain();

        Assert.Equal(["1,2", "3"], coordinator.Calls.Select(c => string.Join(",", c.Select(e => e.Epoch))));
        Assert.Equal([1, 2, 3], pump.Epochs.Select(e => e.Epoch));
    }

    private sealed class FlakyCoordinator(int failFirst) : ITrialReportsGrain
    {
        private int _failuresLeft = failFirst;

        public List<ImmutableArray<EpochReport>> Calls { get; } = [];

        public List<ImmutableArray<EpochReport>> Delivered { get; } = [];

        public Task ReportEpochs(int trialId, int attempt, ImmutableArray<EpochReport> epochs)
        {
            Assert.Equal((4, 2), (trialId, attempt));
            lock (Calls)
            {
                Calls.Add(epochs);
                if (_failuresLeft-- > 0)
                {
                    throw new TimeoutException("lost on the way");
                }

                Delivered.Add(epochs);
            }

            return Task.CompletedTask;
        }

        public Task ReportProgress(int trialId, int attempt, double epochProgress) => Task.CompletedTask;

        public Task ReportFinished(int trialId, int attempt, TrialOutcome outcome, string message, ImmutableArray<EpochReport> epochs) => Task.CompletedTask;

        public async Task WaitForCalls(int count, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (Calls.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }
    }
}
