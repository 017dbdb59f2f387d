using AslSweep.Contracts;
using AslSweep.Grains.Workers;
using AslSweep.Training.Trainer;

namespace AslSweep.Grains.Tests.Workers;

public sealed class RunningAttemptTests
{
    [Theory]
    [InlineData(TrainingOutcome.Diverged, false, TrialOutcome.Diverged)]
    [InlineData(TrainingOutcome.NumericsFault, false, TrialOutcome.Failed)]
    [InlineData(TrainingOutcome.Cancelled, true, TrialOutcome.Interrupted)]
    [InlineData(TrainingOutcome.Cancelled, false, TrialOutcome.Cancelled)]
    [InlineData(TrainingOutcome.EarlyStopped, false, TrialOutcome.Completed)]
    public void OutcomeOf_trainingOutcome_isWhatTheCoordinatorHears(TrainingOutcome training, bool interrupted, TrialOutcome expected)
    {
        Assert.Equal(expected, RunningAttempt.OutcomeOf(training, interrupted));
    }
}
