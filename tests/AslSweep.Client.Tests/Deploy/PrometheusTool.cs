using System.Diagnostics;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>Debian's prometheus and promtool (installed by test.sh when missing).</summary>
public static class PrometheusTool
{
    /// <summary>Why the Prometheus tests cannot run here, or null when they can.</summary>
    public static string? Missing { get; } = File.Exists("/usr/bin/promtool") && File.Exists("/usr/bin/prometheus")
        ? null
        : "prometheus/promtool not installed (test.sh installs Debian's prometheus package; it failed or was skipped)";

    /// <summary>Runs promtool with <paramref name="args"/>; returns exit code and output.</summary>
    public static (int ExitCode, string Output) Promtool(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
