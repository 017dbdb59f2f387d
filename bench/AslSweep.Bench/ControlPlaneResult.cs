namespace AslSweep.Bench;

/// <summary>One control-plane benchmark shape.</summary>
/// <param name="Shape">What ran.</param>
/// <param name="Seconds">Measured wall time, submission to the last trial's end.</param>
/// <param name="MinimumSeconds">The time the trials themselves need with perfect scheduling.</param>
/// <param name="Ratio">Seconds / MinimumSeconds.</param>
/// <param name="RayTuneRatio">Ray Tune's published ratio for the same shape.</param>
public sealed record ControlPlaneResult(string Shape, double Seconds, double MinimumSeconds, double Ratio, double RayTuneRatio);
