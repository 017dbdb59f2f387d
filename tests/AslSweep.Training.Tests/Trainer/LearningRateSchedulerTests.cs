using AslSweep.Training.Trainer;

namespace AslSweep.Training.Tests.Trainer;

public sealed class LearningRateSchedulerTests
{
    [Fact]
    public void RateFor_cosine_startsAtInitialAndApproachesMinimum()
    {
        var scheduler = new LearningRateScheduler(new LrScheduleOptions { Kind = LrScheduleKind.Cosine, MinLearningRate = 1e-5 }, 1e-3, 10);

        Assert.Equal(1e-3, scheduler.RateFor(0), 12);
        Assert.Equal((1e-3 + 1e-5) / 2, scheduler.RateFor(5), 12);
        Assert.True(scheduler.RateFor(9) < 5e-5);
    }

    [Fact]
    public void Observe_plateauLongerThanPatience_reducesByFactor()
    {
        var scheduler = new LearningRateScheduler(new LrScheduleOptions { Kind = LrScheduleKind.ReduceOnPlateau, Patience = 1, Factor = 0.5 }, 1e-3, 10);

        scheduler.Observe(1.0);
        scheduler.Observe(1.1);
        Assert.Equal(1e-3, scheduler.RateFor(2));
        scheduler.Observe(1.2);

        Assert.Equal(5e-4, scheduler.RateFor(3));
    }

    [Fact]
    public void RateFor_none_isConstant()
    {
        var scheduler = new LearningRateScheduler(new LrScheduleOptions(), 2e-3, 10);
        scheduler.Observe(1);
        scheduler.Observe(2);

        Assert.Equal(2e-3, scheduler.RateFor(7));
    }
}
