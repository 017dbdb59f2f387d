using System.Diagnostics;

namespace AslSweep.Tests.Shared;

/// <summary>POSIX signals for the processes the tests start (SIGTERM to drain a silo, SIGSTOP/SIGCONT to freeze a server).</summary>
public static class Signals
{
    /// <summary>Sends signal <paramref name="name"/> (TERM, STOP, CONT...) to <paramref name="pid"/> through kill(1).</summary>
    public static void Send(int pid, string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {pid} failed: {kill.StandardError.ReadToEnd()}");
        }
    }
}
