using AslSweep.Training.Numerics;

namespace AslSweep.Training.Tests.Numerics;

public sealed class ConvolutionProbeTests
{
    [Fact]
    public void Run_backendInForce_passesWithinToleranceOfFloat64()
    {
        var status = TorchNumerics.Ensure();

        var result = new ConvolutionProbe().Run();

        Assert.True(status.ProbePassed, status.Describe());
        Assert.True(result.Passed, result.Finding);
        Assert.Contains("3 convolution shapes x 2", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_resultWithNaN_failsNamingShapeAndPass()
    {
        TorchNumerics.Ensure();

        var result = new ConvolutionProbe(repetitions: 2, injectFault: true).Run();

        Assert.False(result.Passed);
        Assert.StartsWith("conv 32x1x28x28 * 75x1x3x3, repetition 1 of 2: forward: 1 of ", result.Finding, StringComparison.Ordinal);
        Assert.EndsWith("values are NaN or infinite", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFaults_namesAndUnknownName_parsedOrRefusedNamingTheVariable()
    {
        Assert.Equal(new HashSet<CpuBackend> { CpuBackend.OneDnn, CpuBackend.Native }, TorchNumerics.ParseFaults(" onednn, native "));
        Assert.Empty(TorchNumerics.ParseFaults(null));
        var error = Assert.Throws<ArgumentException>(() => TorchNumerics.ParseFaults("onednn,mkl"));
        Assert.Equal("ASLSWEEP_NUMERICS_FAULT=onednn,mkl: 'mkl' is not one of native, onednn, onednn-sse41", error.Message);
    }

    [Fact]
    public void TryParse_everyName_roundTrips()
    {
        foreach (var backend in Enum.GetValues<CpuBackend>())
        {
            Assert.True(CpuBackends.TryParse(CpuBackends.Name(backend).ToUpperInvariant(), out var parsed));
            Assert.Equal(backend, parsed);
        }

        Assert.False(CpuBackends.TryParse("mkldnn", out _));
    }
}
