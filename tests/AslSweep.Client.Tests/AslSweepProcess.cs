using System.Diagnostics;

namespace AslSweep.Client.Tests;

/// <summary>Runs the real <c>aslsweep</c> executable (built beside the tests) as a child process.</summary>
public static class AslSweepProcess
{
    /// <summary>What a run printed and returned.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}:\n{Output}";
    }

    /// <summary>Runs <c>aslsweep args</c> with a time limit; kills it when the limit passes.</summary>
    public static Result Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aslsweep.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aslsweep {string.Join(' ', args)} ran over {timeout}");
        }

        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
