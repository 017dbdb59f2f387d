using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AslSweep.Training.Data;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;
using Spectre.Console;
using static TorchSharp.torch;

namespace AslSweep.Bench;

/// <summary>
/// Every CPU backend side by side in one session: oneDNN's instruction-set cap is read once per process, so each
/// backend trains in a child process of its own, held to that backend even if its probe fails (no fallback), and
/// the children alternate round by round (native, onednn, onednn-sse41, native, ...) so the machine's drift hits
/// every backend alike. Each child reports its probe, the probe's cost at start, and the images/s of the seed CNN
/// (batch 32, 2,400 synthetic images, epochs 2-3) with the SGEMM measured after each epoch.
/// </summary>
public static class BackendBenchmark
{
    private const int Epochs = 3;

    /// <summary>The child's report is one line on standard output.</summary>
    private static readonly JsonSerializerOptions OneLine = new(TrainingCheckpoint.Json) { WriteIndented = false };

    /// <summary>Runs <paramref name="rounds"/> rounds of every backend in child processes.</summary>
    public static IReadOnlyList<BackendRun> Run(TextWriter log, int rounds = 2)
    {
        ArgumentNullException.ThrowIfNull(log);
        var runs = new List<BackendRun>();
        for (int round = 1; round <= rounds; round++)
        {
            foreach (var backend in Enum.GetValues<CpuBackend>())
            {
                var run = RunChild(CpuBackends.Name(backend));
                runs.Add(run);
                log.WriteLine(FormattableString.Invariant($"round {round}, {run.Backend}: probe {(run.ProbePassed ? "passed" : "FAILED")} in {run.ProbeSeconds:F2} s; {run.Outcome}; images/s {string.Join(", ", run.ImagesPerSecond.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}"));
            }
        }

        return runs;
    }

    /// <summary>The child's side: trains on <paramref name="backendName"/> and prints one JSON line.</summary>
    public static int RunChild(string backendName, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!CpuBackends.TryParse(backendName, out var backend))
        {
            Console.Error.WriteLine($"error: unknown backend '{backendName}' ({CpuBackends.Names})");
            return 2;
        }

        TorchNumerics.Request(backend, "bench", fallback: false);
        var status = TorchNumerics.Ensure();
        var (train, _) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = 100, ValidPerClass = 1 });
        using var data = DeviceDataset.Create(train, CPU);
        using var session = new TrainingSession(new TrainingConfig { Epochs = Epochs }, CPU);
        var speeds = new List<(double Images, double Sgemm)>();
        var result = session.Run(data, data, new TrainingRunOptions { Observer = new SgemmAfterEpoch(speeds) });
        var after = speeds.Skip(1).ToList();
        string outcome = result.Outcome == TrainingOutcome.Completed ? "completed" : $"{result.Outcome}: {result.Message}";
        var run = new BackendRun(CpuBackends.Name(status.Backend), status.ProbePassed, status.Finding, status.ProbeTime.TotalSeconds, outcome, [.. after.Select(s => s.Images)], [.. after.Select(s => s.Sgemm)]);
        output.WriteLine(JsonSerializer.Serialize(run, OneLine));
        return 0;
    }

    /// <summary>Prints one row per backend: medians over its rounds.</summary>
    public static void Print(IReadOnlyList<BackendRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Title("CPU backends, seed CNN at batch 32 (median of epochs 2-3 of every round)")
            .AddColumns("backend", "numerics probe", "probe at start", "images/s", "of SGEMM after", "training");
        foreach (var group in runs.GroupBy(r => r.Backend))
        {
            var images = group.SelectMany(r => r.ImagesPerSecond).ToList();
            var sgemm = group.SelectMany(r => r.SgemmGflops).ToList();
            var probe = group.Select(r => r.ProbeSeconds).ToList();
            int failed = group.Count(r => !r.ProbePassed);
            table.AddRow(
                group.Key,
                failed == 0 ? "passed" : Markup.Escape($"FAILED in {failed} of {group.Count()}: {group.First(r => !r.ProbePassed).Finding}"),
                F($"{Median(probe):F2} s"),
                images.Count == 0 ? "-" : F($"{Median(images):F0} ({images.Min():F0}-{images.Max():F0})"),
                images.Count == 0 ? "-" : F($"{Median(images) * SeedFlopsPerImage / 1e9 / Median(sgemm):P0} of {Median(sgemm):F0} GFLOP/s"),
                Markup.Escape(string.Join("; ", group.Select(r => r.Outcome).Distinct())));
        }

        AnsiConsole.Write(table);
    }

    private static double SeedFlopsPerImage => 3 * 2 * TrainingCoreBenchmark.MultiplyAdds(new Training.Model.CnnConfig());

    private static BackendRun RunChild(string backend)
    {
        string entry = Assembly.GetEntryAssembly()!.Location;
        string host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileName(host) is "dotnet" or "dotnet.exe")
        {
            // Run as `dotnet AslSweep.Bench.dll`: the child needs the assembly; the apphost needs nothing.
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("backend-child");
        start.ArgumentList.Add(backend);
        start.Environment.Remove("DNNL_MAX_CPU_ISA");
        start.Environment.Remove("ONEDNN_MAX_CPU_ISA");
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        string stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        string? line = stdout.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        return line is not null && child.ExitCode == 0
            ? JsonSerializer.Deserialize<BackendRun>(line, OneLine)!
            : new BackendRun(backend, false, $"the child process exited {child.ExitCode}: {stderr.Result.Split('\n')[0]}", 0, "crashed", [], []);
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class SgemmAfterEpoch(List<(double Images, double Sgemm)> speeds) : ITrainingObserver
    {
        public void OnEpoch(EpochMetrics metrics) => speeds.Add((metrics.SamplesPerSecond, MachineSpeed.SgemmGflops(TimeSpan.FromSeconds(1))));
    }
}
