namespace AslSweep.Bench;

/// <summary>The PyTorch peer's training throughput at one batch size: the median over its epochs after the first.</summary>
/// <param name="BatchSize">The mini-batch size.</param>
/// <param name="ImagesPerSecond">Training images per second.</param>
/// <param name="Torch">The peer's torch version.</param>
public sealed record PeerResult(int BatchSize, double ImagesPerSecond, string Torch);
