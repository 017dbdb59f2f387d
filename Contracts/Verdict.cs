namespace AslSweep.Contracts;

/// <summary>What a trial's curve says about it.</summary>
[GenerateSerializer]
[Alias("aslsweep.Verdict")]
public enum Verdict
{
    /// <summary>Too few epochs to judge.</summary>
    Unknown = 0,

    /// <summary>Validation metric steady over the last k epochs and close to training.</summary>
    Converged = 1,

    /// <summary>Validation metric swings over the last k epochs.</summary>
    Oscillating = 2,

    /// <summary>Training far above validation.</summary>
    Overfitting = 3,

    /// <summary>The loss became NaN or infinite.</summary>
    Diverged = 4,

    /// <summary>The model does not even fit its training data (training accuracy low over the last k epochs).</summary>
    Underfitting = 5,
}
