using Orleans.Placement;

namespace AslSweep.Grains.Placement;

/// <summary>Marks a grain class for <see cref="SiloNamePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloNamePlacementAttribute() : PlacementAttribute(SiloNamePlacement.Instance);
