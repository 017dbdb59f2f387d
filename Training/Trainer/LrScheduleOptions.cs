namespace AslSweep.Training.Trainer;

/// <summary>Learning-rate schedule settings.</summary>
public sealed record LrScheduleOptions
{
    /// <summary>Which schedule.</summary>
    public LrScheduleKind Kind { get; init; } = LrScheduleKind.None;

    /// <summary>Reduce-on-plateau: factor applied to the rate.</summary>
    public double Factor { get; init; } = 0.5;

    /// <summary>Reduce-on-plateau: epochs without improvement before reducing.</summary>
    public int Patience { get; init; } = 2;

    /// <summary>Lowest rate any schedule goes to.</summary>
    public double MinLearningRate { get; init; } = 1e-5;
}
