namespace AslSweep.Training.Numerics;

/// <summary>What the numerics probe found for one backend: passed, or the first wrong result it saw.</summary>
/// <param name="Passed">Every repetition finite and within tolerance of the float64 reference.</param>
/// <param name="Finding">What was wrong (shape, pass, NaN or error), or a summary of what was checked.</param>
/// <param name="Elapsed">Wall time of the probe.</param>
public sealed record ProbeResult(bool Passed, string Finding, TimeSpan Elapsed);
