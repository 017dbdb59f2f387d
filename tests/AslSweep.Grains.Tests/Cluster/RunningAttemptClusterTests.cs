using AslSweep.Contracts;
using AslSweep.Grains.Telemetry;
using AslSweep.Grains.Workers;
using AslSweep.Training.Trainer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using System.Diagnostics.Metrics;

namespace AslSweep.Grains.Tests.Cluster;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class RunningAttemptClusterTests(TwoSiloClusterFixture fixture)
{
    [Fact]
    public void Train_trainerThrowsAnUnlistedException_isAFailedAttemptNotAnEscape()
    {
        // Any exception out of a trainer must end the attempt as Failed: one that escaped left the worker busy for good.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new SweepMetrics(services.GetRequiredService<IMeterFactory>());
        var assignment = new TrialAssignment { SweepId = "throwing", TrialId = 1, Attempt = 1 };
        using var attempt = new RunningAttempt(assignment, fixture.Client.GetGrain<ITrialReportsGrain>("throwing"), metrics, NullLogger.Instance);

        var (outcome, message, epochs) = attempt.Train(new ThrowingTrainer(), "cpu");

        Assert.Equal(TrialOutcome.Failed, outcome);
        Assert.Equal("the trainer failed unexpectedly: this device cannot do that (the worker's log has the details)", message);
        Assert.Empty(epochs);
    }

    private sealed class ThrowingTrainer : ITrialTrainer
    {
        public TrainingResult Run(TrialAssignment assignment, string device, ITrainingObserver observer, CancellationToken cancellation) =>
            throw new NotSupportedException("this device cannot do that");
    }
}
