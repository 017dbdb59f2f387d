namespace AslSweep.Bench;

/// <summary>Training throughput of one model variant at one batch size.</summary>
/// <param name="Variant">Which model.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="ImagesPerSecond">Training images per second (forward, backward, optimiser step).</param>
/// <param name="Gflops">ImagesPerSecond times the seed model's FLOPs per image.</param>
/// <param name="SgemmGflops">SGEMM GFLOP/s measured just before this variant (the machine's speed drifts).</param>
/// <param name="OfSgemm">Gflops divided by <paramref name="SgemmGflops"/>.</param>
/// <param name="Outcome">Null when the run completed; else how it ended (diverged, numerics fault), and no speed.</param>
public sealed record ThroughputResult(string Variant, int BatchSize, double ImagesPerSecond, double Gflops, double SgemmGflops, double OfSgemm, string? Outcome = null);
