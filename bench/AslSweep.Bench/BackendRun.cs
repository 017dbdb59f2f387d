namespace AslSweep.Bench;

/// <summary>One child process's training run on one CPU backend, held to the backend as asked (no fallback).</summary>
/// <param name="Backend">The backend's name.</param>
/// <param name="ProbePassed">Whether its numerics probe passed.</param>
/// <param name="Finding">What the probe found.</param>
/// <param name="ProbeSeconds">What the probe cost at the start of the process.</param>
/// <param name="Outcome">How the training run ended (Completed, or NumericsFault with the batch where the loss turned NaN).</param>
/// <param name="ImagesPerSecond">Images/s of each epoch after the first.</param>
/// <param name="SgemmGflops">SGEMM GFLOP/s measured right after each of those epochs.</param>
public sealed record BackendRun(string Backend, bool ProbePassed, string Finding, double ProbeSeconds, string Outcome, IReadOnlyList<double> ImagesPerSecond, IReadOnlyList<double> SgemmGflops);
