namespace AslSweep.Grains.Placement;

/// <summary>
/// Places a grain on the silo named by the first segment of its string key ("silo/..."), and nowhere else.
/// Orleans' role-based and metadata placements cannot pin a grain to a named silo; this can.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
[Alias("aslsweep.SiloNamePlacement")]
public sealed class SiloNamePlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static SiloNamePlacement Instance { get; } = new();
}
