using System.Text.Json;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Commands;

/// <summary>The numerics probe in real <c>aslsweep</c> processes: both outcomes, the fallback, doctor's verdict.</summary>
public sealed class CpuBackendCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly string[] Tiny = ["--epochs", "1", "--batch-size", "16", "--synthetic-train-per-class", "2", "--synthetic-valid-per-class", "1"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Train_defaultBackend_passesProbeAndRecordsIt()
    {
        string run = _temp.File("run");

        var result = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--out", run]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CPU backend: native (ATen's own kernels, oneDNN and NNPACK off); numerics probe passed on ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var numerics = json.RootElement.GetProperty("numerics");
        Assert.Equal("native", numerics.GetProperty("cpuBackend").GetString());
        Assert.True(numerics.GetProperty("probePassed").GetBoolean());
        Assert.Equal(0, numerics.GetProperty("rejected").GetArrayLength());
    }

    [Fact]
    public void Train_probeFailsOnRequestedBackend_fallsBackWarnsOnceAndRecordsWhy()
    {
        string run = _temp.File("run");

        var result = AslSweepProcess.Run(Limit, new Dictionary<string, string> { ["ASLSWEEP_NUMERICS_FAULT"] = "native" }, ["train", .. Tiny, "--out", run]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CPU backend: onednn-sse41", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Split('\n'), line => line.StartsWith("warning: the numerics probe failed on ", StringComparison.Ordinal));
        Assert.Contains("training uses onednn-sse41, which passed", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var numerics = json.RootElement.GetProperty("numerics");
        Assert.Equal("onednn-sse41", numerics.GetProperty("cpuBackend").GetString());
        Assert.Equal("native", numerics.GetProperty("requested").GetString());
        Assert.Equal("SSE41", numerics.GetProperty("isaCap").GetString());
        Assert.StartsWith("native (conv 32x1x28x28 * 75x1x3x3, repetition 1 of 2: forward: 1 of ", numerics.GetProperty("rejected")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_unknownCpuBackend_isBadInputNamingTheOption()
    {
        var option = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--cpu-backend", "mkl", "--out", _temp.File("a")]);
        var variable = AslSweepProcess.Run(Limit, new Dictionary<string, string> { ["ASLSWEEP_CPU_BACKEND"] = "avx9" }, ["train", .. Tiny, "--out", _temp.File("b")]);

        Assert.Equal(2, option.ExitCode);
        Assert.Contains("error: --cpu-backend: 'mkl' is not one of native, onednn, onednn-sse41", option.Output, StringComparison.Ordinal);
        Assert.Equal(2, variable.ExitCode);
        Assert.Contains("error: ASLSWEEP_CPU_BACKEND=avx9: expected one of native, onednn, onednn-sse41", variable.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", option.Output + variable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_badCpuBackendVariables_stopsAtStartNamingThem()
    {
        var environment = new Dictionary<string, string> { ["ASLSWEEP_CPU_BACKEND"] = "avx9", ["ASLSWEEP_NUMERICS_FAULT"] = "mkl" };

        var check = AslSweepProcess.RunSilo(Limit, environment, "--check-config");

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("error: ASLSWEEP_CPU_BACKEND=avx9: expected one of native, onednn, onednn-sse41", check.Output, StringComparison.Ordinal);
        Assert.Contains("error: ASLSWEEP_NUMERICS_FAULT=mkl: 'mkl' is not one of native, onednn, onednn-sse41", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_unknownClusteringAndTrainer_stopsAtStartNamingThemWithoutATypeName()
    {
        var check = AslSweepProcess.RunSilo(Limit, new Dictionary<string, string>(), "--check-config", "--AslSweep:Silo:Clustering=consul", "--AslSweep:Workers:Trainer=mock");

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("AslSweep:Silo:Clustering: 'consul' is not localhost or redis", check.Output, StringComparison.Ordinal);
        Assert.Contains("AslSweep:Workers:Trainer: 'mock' is not torch or simulated", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ClusteringKind", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_cpuBackendConfiguredAgainstTheOption_isBadInputNamingTheSetting()
    {
        var result = AslSweepProcess.Run(Limit, new Dictionary<string, string> { ["AslSweep__Workers__CpuBackend"] = "onednn-sse41" }, "dev", "baseline", "--cpu-backend", "native", "--out", _temp.File("sweeps"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AslSweep:Workers:CpuBackend: the CPU backend was already chosen in this process (native, by --cpu-backend)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_healthyBackend_reportsTheMachineAndExitsZero()
    {
        var result = AslSweepProcess.Run(Limit, "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string row in new[] { "instruction sets", "libtorch 2.10.0, TorchSharp 0.107.0, build backend cpu", "oneDNN", "torch threads", "GLIBCXX patch", "CUDA", "NVML", "SGEMM", "images/s" })
        {
            Assert.Contains(row, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("OK: training on this machine is right (native passed its numerics probe)", result.Output, StringComparison.Ordinal);
        Assert.Contains("off (read back from libtorch)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_noBackendPassesProbe_saysWrongAndExitsOne()
    {
        var result = AslSweepProcess.Run(Limit, new Dictionary<string, string> { ["ASLSWEEP_NUMERICS_FAULT"] = "native,onednn-sse41" }, "doctor");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("WRONG: training on this machine would be wrong: on ", result.Output, StringComparison.Ordinal);
        Assert.Contains("no CPU backend passed the numerics probe", result.Output, StringComparison.Ordinal);

        // native failed, then onednn-sse41 was put in force: oneDNN is back on for ATen.
        Assert.Contains("on (read back from libtorch)", result.Output, StringComparison.Ordinal);
    }
}
