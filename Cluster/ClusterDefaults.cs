namespace AslSweep.Cluster;

/// <summary>The ids silos and clients must agree on, unless configured otherwise.</summary>
public static class ClusterDefaults
{
    /// <summary>Orleans cluster id of a dev or single-machine cluster.</summary>
    public const string ClusterId = "aslsweep-dev";

    /// <summary>Orleans service id (stable across deployments: it keys persisted state).</summary>
    public const string ServiceId = "aslsweep";
}
