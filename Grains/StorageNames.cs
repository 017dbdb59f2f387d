namespace AslSweep.Grains;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Sweep coordinators and the sweep index.</summary>
    public const string Sweeps = "sweeps";
}
