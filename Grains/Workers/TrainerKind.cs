namespace AslSweep.Grains.Workers;

/// <summary>What a worker trains with (<c>AslSweep:Workers:Trainer</c>).</summary>
public enum TrainerKind
{
    /// <summary>Real training with the training core.</summary>
    Torch,

    /// <summary>A simulated trainer, for control-plane benchmarks and load tests only.</summary>
    Simulated,
}
