using System.Diagnostics;
using System.Globalization;
using System.Text;
using AslSweep.Training.Data;
using AslSweep.Training.Model;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;
using Spectre.Console;
using static TorchSharp.torch;

namespace AslSweep.Bench;

/// <summary>
/// (a) SGEMM GFLOP/s through torch.mm; (b) seed-CNN training throughput at batch 32 and 128, with the layers the
/// issue names as suspects removed for comparison; (c) b/a; (d) parse time of a 27,455-row Sign-MNIST CSV.
/// This machine is shared and its speed drifts by a factor of two within minutes (SGEMM 106 to 250 GFLOP/s), so
/// a training measurement is paired with SGEMM windows taken between its own epochs: each epoch's GFLOP/s is
/// divided by the SGEMM measured right after it, and the row shows the median of those ratios. The seed rows are
/// each followed by the PyTorch peer at the same batch size and threads (<see cref="PyTorchPeer"/>), so their
/// ratio is measured in one run.
/// </summary>
public static class TrainingCoreBenchmark
{
    // Epochs per measurement, for AslSweep and its PyTorch peer alike: the first warms up, the others are measured.
    private const int Epochs = 4;

    /// <summary>Runs every measurement; progress goes to <paramref name="log"/>.</summary>
    public static BenchmarkReport Run(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        double flopsPerImage = 3 * 2 * MultiplyAdds(new CnnConfig());
        log.WriteLine(FormattableString.Invariant($"seed CNN: {MultiplyAdds(new CnnConfig()):N0} multiply-adds forward; x2 FLOPs; x3 for training = {flopsPerImage / 1e6:F1} MFLOP per image"));
        double sgemm = Sgemm(log);
        var (train, _) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = 100, ValidPerClass = 1 });
        using var data = DeviceDataset.Create(train, CPU);
        var variants = new (string Name, CnnConfig Config)[]
        {
            ("seed", new CnnConfig()),
            ("seed without dropout", new CnnConfig { ConvDropout = 0, DenseDropout = 0 }),
            ("seed without batch norm", new CnnConfig { BatchNorm = false }),
        };
        var results = new List<ThroughputResult>();
        var peers = new List<PeerResult>();
        foreach (int batch in new[] { 32, 128 })
        {
            foreach (var (name, config) in variants)
            {
                if (batch == 128 && name != "seed")
                {
                    continue;
                }

                var (pairs, result) = TrainingThroughput(config, batch, data);
                if (pairs.Count == 0 || result.Outcome != TrainingOutcome.Completed)
                {
                    // A run that diverged (or hit a faulty backend) is a finding, not a crash: reported as such.
                    results.Add(new ThroughputResult(name, batch, double.NaN, double.NaN, double.NaN, double.NaN, $"{result.Outcome}: {result.Message}"));
                    log.WriteLine($"{name}, batch {batch}: {result.Outcome}: {result.Message}");
                    continue;
                }

                var median = pairs.OrderBy(p => p.ImagesPerSecond * flopsPerImage / 1e9 / p.Sgemm).ElementAt(pairs.Count / 2);
                double gflops = median.ImagesPerSecond * flopsPerImage / 1e9;
                results.Add(new ThroughputResult(name, batch, median.ImagesPerSecond, gflops, median.Sgemm, gflops / median.Sgemm));
                log.WriteLine(FormattableString.Invariant($"{name}, batch {batch}: {string.Join("; ", pairs.Select(p => $"{p.ImagesPerSecond:F0} images/s with SGEMM {p.Sgemm:F0} GFLOP/s after"))}"));
                if (name == "seed" && PyTorchPeer.Run(batch, get_num_threads(), data.Count, Epochs, log) is { } peer)
                {
                    peers.Add(peer);
                }
            }
        }

        var (rows, megabytes, seconds) = CsvParse(log);
        return new BenchmarkReport(get_num_threads(), sgemm, flopsPerImage, results, rows, megabytes, seconds, peers);
    }

    /// <summary>Prints the report as a table.</summary>
    public static void Print(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Title($"Training core, {report.Threads} torch threads").AddColumns("measure", "value", "ratio to SGEMM");
        table.AddRow("SGEMM at the start (torch.mm 1024^2, float32)", F($"{report.SgemmGflops:F1} GFLOP/s"), "1.00");
        foreach (var t in report.Throughput)
        {
            if (t.Outcome is not null)
            {
                table.AddRow(Markup.Escape($"{t.Variant}, batch {t.BatchSize}"), Markup.Escape(t.Outcome), "");
                continue;
            }

            table.AddRow(Markup.Escape($"{t.Variant}, batch {t.BatchSize}"), F($"{t.ImagesPerSecond:F0} images/s = {t.Gflops:F1} GFLOP/s"), F($"{t.OfSgemm:P0} (of {t.SgemmGflops:F0})"));
            if (t.Variant == "seed" && report.Peer.FirstOrDefault(p => p.BatchSize == t.BatchSize) is { } peer)
            {
                table.AddRow(Markup.Escape($"PyTorch {peer.Torch} eager peer, batch {t.BatchSize}, same threads"), F($"{peer.ImagesPerSecond:F0} images/s: AslSweep {t.ImagesPerSecond / peer.ImagesPerSecond:F2}x"), "");
            }
        }

        table.AddRow(F($"CSV parse, {report.CsvRows:N0} rows ({report.CsvMegabytes:F0} MB)"), F($"{report.CsvParseSeconds:F3} s"), "");
        AnsiConsole.Write(table);
    }

    /// <summary>Multiply-adds of one forward pass: convolutions at their output resolution, then the dense layers.</summary>
    public static long MultiplyAdds(CnnConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        long total = 0;
        long channels = 1;
        int side = 28;
        foreach (int filters in config.Filters)
        {
            total += (long)side * side * filters * config.KernelSize * config.KernelSize * channels;
            channels = filters;
            side = (side + 1) / 2;
        }

        total += channels * side * side * config.DenseUnits;
        return total + ((long)config.DenseUnits * config.Classes);
    }

    private static double Sgemm(TextWriter log)
    {
        double gflops = SgemmWindow(3);
        log.WriteLine(FormattableString.Invariant($"SGEMM: {gflops:F1} GFLOP/s (3 s of {MachineSpeed.SgemmSide}^3 products)"));
        return gflops;
    }

    private static double SgemmWindow(double seconds = 1) => MachineSpeed.SgemmGflops(TimeSpan.FromSeconds(seconds));

    /// <summary>Images/s of epochs 2-4 (epoch 1 warms up allocators and kernels), each with the SGEMM measured right after it.</summary>
    private static (List<(double ImagesPerSecond, double Sgemm)> Pairs, TrainingResult Result) TrainingThroughput(CnnConfig model, int batch, DeviceDataset data)
    {
        var config = new TrainingConfig { Model = model, BatchSize = batch, Epochs = Epochs };
        using var session = new TrainingSession(config, CPU);
        var between = new SgemmBetweenEpochs();
        var result = session.Run(data, data, new TrainingRunOptions { Observer = between });
        return ([.. between.Pairs.Skip(1)], result);
    }

    /// <summary>One SGEMM window after every epoch (the epoch's time was measured before this runs).</summary>
    private sealed class SgemmBetweenEpochs : ITrainingObserver
    {
        public List<(double ImagesPerSecond, double Sgemm)> Pairs { get; } = [];

        public void OnEpoch(EpochMetrics metrics) => Pairs.Add((metrics.SamplesPerSecond, SgemmWindow()));
    }

    private static (int Rows, double Megabytes, double Seconds) CsvParse(TextWriter log)
    {
        const int rows = 27_455;
        string path = Path.Combine(Path.GetTempPath(), $"aslsweep-bench-{Environment.ProcessId}.csv");
        try
        {
            var random = new Random(1);
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
            {
                writer.Write("label");
                for (int p = 1; p <= 784; p++)
                {
                    writer.Write(",pixel");
                    writer.Write(p);
                }

                writer.Write('\n');
                for (int r = 0; r < rows; r++)
                {
                    int label = random.Next(24);
                    writer.Write(label >= 9 ? label + 1 : label);
                    for (int p = 0; p < 784; p++)
                    {
                        writer.Write(',');
                        writer.Write(random.Next(256));
                    }

                    writer.Write('\n');
                }
            }

            double megabytes = new FileInfo(path).Length / 1e6;
            double best = double.MaxValue;
            var reader = new SignMnistCsvReader();
            for (int i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                var csv = reader.Read(path, LabelConvention.Kaggle);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                if (csv.Images.Count != rows)
                {
                    throw new InvalidOperationException("row count mismatch");
                }
            }

            log.WriteLine(FormattableString.Invariant($"CSV: {rows} rows, {megabytes:F1} MB, parsed in {best:F3} s"));
            return (rows, megabytes, best);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
