namespace AslSweep.Hosting;

/// <summary>How silos find each other and where grain state lives (<c>AslSweep:Silo:Clustering</c>).</summary>
public enum ClusteringKind
{
    /// <summary>One machine; grain state and reminders in memory.</summary>
    Localhost,

    /// <summary>Membership, grain state and reminders in Redis.</summary>
    Redis,
}
