namespace AslSweep.Training.Trainer;

/// <summary>Applies a <see cref="LrScheduleOptions"/>; plain state so that it can be checkpointed.</summary>
public sealed class LearningRateScheduler
{
    private readonly LrScheduleOptions _options;
    private readonly double _initial;
    private readonly int _epochs;

    /// <summary>Creates the scheduler for a run of <paramref name="epochs"/> epochs.</summary>
    public LearningRateScheduler(LrScheduleOptions options, double initial, int epochs)
    {
        _options = options;
        _initial = initial;
        _epochs = epochs;
        State = new LrSchedulerState(initial, double.PositiveInfinity, 0);
    }

    /// <summary>The state to checkpoint, or to restore.</summary>
    public LrSchedulerState State { get; set; }

    /// <summary>The rate for 0-based <paramref name="epoch"/>.</summary>
    public double RateFor(int epoch) => _options.Kind switch
    {
        LrScheduleKind.Cosine => _options.MinLearningRate + (0.5 * (_initial - _options.MinLearningRate) * (1 + Math.Cos(Math.PI * epoch / Math.Max(1, _epochs)))),
        LrScheduleKind.ReduceOnPlateau => State.Current,
        _ => _initial,
    };

    /// <summary>Records the epoch's validation loss (reduce-on-plateau acts on it).</summary>
    public void Observe(double validationLoss)
    {
        if (_options.Kind != LrScheduleKind.ReduceOnPlateau)
        {
            return;
        }

        if (validationLoss < State.Best)
        {
            State = State with { Best = validationLoss, BadEpochs = 0 };
            return;
        }

        int bad = State.BadEpochs + 1;
        State = bad > _options.Patience
            ? State with { Current = Math.Max(_options.MinLearningRate, State.Current * _options.Factor), BadEpochs = 0 }
            : State with { BadEpochs = bad };
    }
}
