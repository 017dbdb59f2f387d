using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using AslSweep.Build;
using AslSweep.Training.Data;
using AslSweep.Training.Devices;
using AslSweep.Training.Numerics;
using AslSweep.Training.Trainer;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace AslSweep.Client.Commands;

/// <summary>
/// <c>aslsweep doctor</c>: what this machine trains with and whether training here is right: CPU and instruction
/// sets, the torch stack, the GLIBCXX patch, CUDA and NVML, the numerics probe, SGEMM and a short training run.
/// Exit 0 when training would be right, 1 when it would be wrong.
/// </summary>
public sealed class DoctorCommand : Command<DoctorCommand.Settings>
{
    private const string GlibcxxVersion = "GLIBCXX_3.4.32";

    /// <summary>Options of <c>doctor</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--cpu-backend <NAME>")]
        [Description(CpuBackendOption.Description)]
        public string? CpuBackend { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var numerics = CpuBackendOption.Choose(settings.CpuBackend, print: false);
        var table = new Table().Title("aslsweep doctor").AddColumns("check", "found");
        void Row(string check, string found) => table.AddRow(Markup.Escape(check), Markup.Escape(found));

        Row("CPU", $"{numerics.Cpu}, {Environment.ProcessorCount} cores");
        Row("instruction sets", string.Join(" ", CpuIdentity.Flags()));
        Row("torch", $"libtorch {TorchVersions.LibTorch}, TorchSharp {TorchVersions.TorchSharp}, build backend {TorchVersions.BuildBackend}");
        Row("oneDNN", TorchVersions.OneDnn());
        Row("torch threads", get_num_threads().ToString(CultureInfo.InvariantCulture));
        Row("GLIBCXX patch", GlibcxxPatch());
        Row("CUDA", Cuda());
        using (var nvml = NvmlGpu.TryOpen(out string reason))
        {
            Row("NVML", nvml is null ? reason : $"{nvml.Devices} GPU(s)");
        }

        Row("CPU backend", numerics.Describe());
        Row("oneDNN for ATen", TorchVersions.OneDnnInAten() ? "on (read back from libtorch)" : "off (read back from libtorch)");
        foreach (string rejected in numerics.Rejected)
        {
            Row("rejected backend", rejected);
        }

        Row("numerics probe", numerics.Finding);
        Row("heap", numerics.Heap);
        Row("SGEMM (1 s, 1024^2 float32)", F($"{MachineSpeed.SgemmGflops(TimeSpan.FromSeconds(1)):F1} GFLOP/s"));
        var (training, trained) = TrainingCheck();
        Row("training (seed CNN, 2 epochs of 480 synthetic images)", training);
        AnsiConsole.Write(table);

        bool right = numerics.ProbePassed && trained;
        string verdict = right
            ? $"OK: training on this machine is right ({CpuBackends.Name(numerics.Backend)} passed its numerics probe{(numerics.Rejected.Count > 0 ? $"; {string.Join(", ", numerics.Rejected.Select(r => r.Split(' ')[0]))} failed it and is not used" : "")})"
            : $"WRONG: training on this machine would be wrong: {(numerics.ProbePassed ? training : numerics.Warning)}";
        AnsiConsole.MarkupLineInterpolated($"[{(right ? "green" : "red")}]{verdict}[/]");
        return right ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static (string Found, bool Trained) TrainingCheck()
    {
        var (train, valid) = SyntheticSignMnist.Generate(new SyntheticSignMnistOptions { TrainPerClass = 20, ValidPerClass = 5 });
        using var trainSet = DeviceDataset.Create(train, CPU);
        using var validSet = DeviceDataset.Create(valid, CPU);
        using var session = new TrainingSession(new TrainingConfig { Epochs = 2 }, CPU);
        var clock = Stopwatch.StartNew();
        var result = session.Run(trainSet, validSet);
        if (result.Outcome != TrainingOutcome.Completed)
        {
            return ($"{result.Outcome}: {result.Message}", false);
        }

        var last = result.Epochs[^1];
        return (F($"{last.SamplesPerSecond:F0} images/s, loss {result.Epochs[0].TrainLoss:F3} -> {last.TrainLoss:F3}, {clock.Elapsed.TotalSeconds:F1} s"), true);
    }

    private static string Cuda()
    {
        try
        {
            return cuda.is_available() ? $"available, {cuda.device_count()} device(s)" : "not available (CPU build or no GPU)";
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or InvalidOperationException)
        {
            return $"not available ({e.Message})";
        }
    }

    private static string GlibcxxPatch()
    {
        // The copy this process loaded, wherever the runtime found it.
        string? library = File.ReadLines("/proc/self/maps").Select(l => l[(l.IndexOf('/', StringComparison.Ordinal) is var i && i >= 0 ? i : l.Length)..])
            .FirstOrDefault(path => path.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal));
        if (library is null || !File.Exists(library))
        {
            return "libLibTorchSharp.so is not loaded";
        }

        ushort? flags = ElfVersionNeedPatcher.ReadFlags(File.ReadAllBytes(library), GlibcxxVersion);
        const string system = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        string provided = File.Exists(system) ? (ElfVersionNeedPatcher.DefinesVersion(system, GlibcxxVersion) ? "provides" : "lacks") : "(not found) lacks";
        return flags switch
        {
            null => $"not needed: libLibTorchSharp.so does not require {GlibcxxVersion}",
            _ when (flags & 2) != 0 => $"applied: {GlibcxxVersion} is a weak requirement of libLibTorchSharp.so (system libstdc++ {provided} it)",
            _ when provided == "provides" => $"not needed: the system libstdc++ provides {GlibcxxVersion}, which libLibTorchSharp.so requires",
            _ => $"NOT applied: libLibTorchSharp.so requires {GlibcxxVersion} and the system libstdc++ {provided} it: TorchSharp will not load (see Troubleshooting)",
        };
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
