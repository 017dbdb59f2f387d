namespace AslSweep.Bench;

/// <summary>What the training-core benchmark measured in one run.</summary>
/// <param name="Threads">Torch intra-op threads.</param>
/// <param name="SgemmGflops">torch.mm float32 throughput.</param>
/// <param name="TrainFlopsPerImage">Forward + backward FLOPs per training image of the seed CNN.</param>
/// <param name="Throughput">Training throughput per variant.</param>
/// <param name="CsvRows">Rows of the generated CSV.</param>
/// <param name="CsvMegabytes">Size of the generated CSV.</param>
/// <param name="CsvParseSeconds">Best of three parses.</param>
/// <param name="Peer">The PyTorch peer's throughput, measured right after AslSweep's own row of the same batch size (empty when skipped).</param>
public sealed record BenchmarkReport(
    int Threads,
    double SgemmGflops,
    double TrainFlopsPerImage,
    IReadOnlyList<ThroughputResult> Throughput,
    int CsvRows,
    double CsvMegabytes,
    double CsvParseSeconds,
    IReadOnlyList<PeerResult> Peer);
