namespace AslSweep.Contracts;

/// <summary>Why a coordinator would not start a sweep: the reason travels as data, so no one reads messages.</summary>
public enum SweepRefusal
{
    /// <summary>The spec or the sweep id is not valid here (each problem names its spec path or setting).</summary>
    InvalidSpec,

    /// <summary>The sweep id is taken by a sweep with another spec.</summary>
    IdTaken,

    /// <summary>The cluster already runs as many sweeps as it allows (AslSweep:Limits:MaxConcurrentSweeps).</summary>
    ClusterBusy,
}
