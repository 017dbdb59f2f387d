namespace AslSweep.Cluster;

/// <summary>The cluster cannot be reached (or was lost); the message says what to do.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
