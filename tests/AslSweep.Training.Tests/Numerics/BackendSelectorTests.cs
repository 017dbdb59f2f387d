using AslSweep.Training.Numerics;

namespace AslSweep.Training.Tests.Numerics;

public sealed class BackendSelectorTests
{
    [Fact]
    public void Select_requestedPasses_keepsItWithoutWarning()
    {
        var backends = new FakeBackends();

        var status = new BackendSelector(backends).Select(CpuBackend.Native, "default", "Test CPU");

        Assert.Equal(CpuBackend.Native, status.Backend);
        Assert.True(status.ProbePassed);
        Assert.Empty(status.Rejected);
        Assert.Null(status.Warning);
        Assert.Equal([(CpuBackend.Native, null)], backends.Applied);
    }

    [Fact]
    public void Select_oneDnnFailsProbe_fallsBackToNativeAndWarnsNamingCpuAndFinding()
    {
        var backends = new FakeBackends { Failing = { CpuBackend.OneDnn } };

        var status = new BackendSelector(backends).Select(CpuBackend.OneDnn, "--cpu-backend", "AMD EPYC (family 26)");

        Assert.Equal(CpuBackend.Native, status.Backend);
        Assert.Equal(CpuBackend.OneDnn, status.Requested);
        Assert.True(status.ProbePassed);
        Assert.Equal(["onednn (NaN in onednn)"], status.Rejected);
        Assert.Equal("the numerics probe failed on AMD EPYC (family 26) for onednn (NaN in onednn); training uses native, which passed", status.Warning);
        Assert.Contains("passed its numerics probe on AMD EPYC", status.Blame, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_nativeFails_triesSse41CapBeforeOneDnnWasEverUsed()
    {
        var backends = new FakeBackends { Failing = { CpuBackend.Native } };

        var status = new BackendSelector(backends).Select(CpuBackend.Native, "default", "Test CPU");

        Assert.Equal(CpuBackend.OneDnnSse41, status.Backend);
        Assert.Equal("SSE41", status.IsaCap);
        Assert.Equal([(CpuBackend.Native, null), (CpuBackend.OneDnnSse41, "SSE41")], backends.Applied);
    }

    [Fact]
    public void Select_everyBackendFails_reportsFailureAndBlamesTheMachine()
    {
        var backends = new FakeBackends { Failing = { CpuBackend.OneDnn, CpuBackend.Native } };

        var status = new BackendSelector(backends).Select(CpuBackend.OneDnn, "default", "Test CPU");

        Assert.False(status.ProbePassed);
        Assert.Equal(CpuBackend.Native, status.Backend);
        Assert.Equal(["onednn (NaN in onednn)"], status.Rejected);
        Assert.Contains("no CPU backend passed the numerics probe", status.Warning, StringComparison.Ordinal);
        Assert.Contains("native: NaN in native", status.Warning, StringComparison.Ordinal);
        Assert.Contains("not the configuration's", status.Blame, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_userSetIsaCap_isKeptAndNeverOverwritten()
    {
        var backends = new FakeBackends { UserCap = "AVX2" };

        var status = new BackendSelector(backends).Select(CpuBackend.OneDnnSse41, "--cpu-backend", "Test CPU");

        Assert.Equal("AVX2", status.IsaCap);
        Assert.Equal([(CpuBackend.OneDnnSse41, null)], backends.Applied);
        Assert.Contains("DNNL_MAX_CPU_ISA=AVX2", status.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_withoutFallback_keepsFailingBackendAndSaysSo()
    {
        var backends = new FakeBackends { Failing = { CpuBackend.OneDnn } };

        var status = new BackendSelector(backends).Select(CpuBackend.OneDnn, "bench", "Test CPU", fallback: false);

        Assert.Equal(CpuBackend.OneDnn, status.Backend);
        Assert.False(status.ProbePassed);
        Assert.Equal([(CpuBackend.OneDnn, null)], backends.Applied);
    }

    [Fact]
    public void Select_probeTimes_addUp()
    {
        var backends = new FakeBackends { Failing = { CpuBackend.OneDnn } };

        var status = new BackendSelector(backends).Select(CpuBackend.OneDnn, "default", "Test CPU");

        Assert.Equal(TimeSpan.FromMilliseconds(200), status.ProbeTime);
    }

    private sealed class FakeBackends : IBackendSwitch
    {
        public HashSet<CpuBackend> Failing { get; } = [];

        public List<(CpuBackend, string?)> Applied { get; } = [];

        public string? UserCap { get; init; }

        public string? IsaCapFromEnvironment => UserCap;

        public void Apply(CpuBackend backend, string? isaCap) => Applied.Add((backend, isaCap));

        public ProbeResult Probe(CpuBackend backend) => Failing.Contains(backend)
            ? new ProbeResult(false, $"NaN in {CpuBackends.Name(backend)}", TimeSpan.FromMilliseconds(100))
            : new ProbeResult(true, "fine", TimeSpan.FromMilliseconds(100));
    }
}
