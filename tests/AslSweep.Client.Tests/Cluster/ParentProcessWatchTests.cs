using System.Diagnostics;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>A real silo process told to watch a parent process stops on its own when that process ends.</summary>
public sealed class ParentProcessWatchTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Silo_parentProcessEnds_stopsGracefully()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "600"))!;
        using var silo = AslSweepProcess.StartSilo(
            "--AslSweep:Silo:Name=orphan",
            $"--AslSweep:Silo:SiloPort={FreePorts.Next()}",
            $"--AslSweep:Silo:GatewayPort={FreePorts.Next()}",
            $"--AslSweep:Silo:ParentProcessId={parent.Id}",
            $"--AslSweep:Workers:CheckpointRoot={_temp.Path}",
            $"--Urls=http://127.0.0.1:{FreePorts.Next()}");
        silo.WaitForLine("registered 1 workers", Limit);
        Assert.False(silo.HasExited);

        parent.Kill();
        parent.WaitForExit();

        // A graceful stop exits 0; the hard exit after 20 s would be 3.
        Assert.Equal(0, silo.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Parent process {parent.Id} has ended: stopping this silo", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_badParentProcessId_namesTheSettingAndExits2()
    {
        var result = AslSweepProcess.RunSilo(Limit, new Dictionary<string, string>(), "--check-config", "--AslSweep:Silo:ParentProcessId=0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: AslSweep:Silo:ParentProcessId: 0 is not a process id", result.Output, StringComparison.Ordinal);
    }
}
