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
    public static Result Run(TimeSpan timeout, params string[] args) => Run(StartInfo(args), timeout);

    /// <summary>Runs <c>aslsweep args</c> with extra environment variables (e.g. ASLSWEEP_NUMERICS_FAULT).</summary>
    public static Result Run(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = StartInfo(args);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Run(start, timeout);
    }

    /// <summary>Runs the real silo executable to its end with extra environment variables (e.g. with --check-config).</summary>
    public static Result RunSilo(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = StartInfo(args, Output("Silo", "AslSweep.Silo.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Run(start, timeout);
    }

    private static Result Run(ProcessStartInfo start, TimeSpan timeout)
    {
        string[] args = [.. start.ArgumentList.Skip(1)];
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

    /// <summary>Runs <c>aslsweep submit</c> and returns its result with the sweep id it printed last.</summary>
    public static (Result Result, string Id) Submit(TimeSpan timeout, params string[] args)
    {
        var result = Run(timeout, ["submit", .. args]);
        return (result, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    /// <summary>Starts <c>aslsweep args</c> in the background; dispose kills it if it still runs.</summary>
    public static Background Start(params string[] args) => new(Process.Start(StartInfo(args))!);

    /// <summary>Starts the real silo executable (AslSweep.Silo) in the background with configuration arguments.</summary>
    public static Background StartSilo(params string[] args) => new(Process.Start(StartInfo(args, Output("Silo", "AslSweep.Silo.dll")))!);

    /// <summary>
    /// A silo process on free loopback ports, with its checkpoints in <paramref name="checkpoints"/>; waits until
    /// its worker is registered and its HTTP endpoint answers (Kestrel may start after the silo).
    /// </summary>
    public static (Background Silo, int Gateway, int Http) StartSiloOnFreePorts(string name, string checkpoints, TimeSpan limit)
    {
        int gateway = AslSweep.Tests.Shared.FreePorts.Next();
        int http = AslSweep.Tests.Shared.FreePorts.Next();
        var silo = StartSilo(
            $"--AslSweep:Silo:Name={name}",
            $"--AslSweep:Silo:SiloPort={AslSweep.Tests.Shared.FreePorts.Next()}",
            $"--AslSweep:Silo:GatewayPort={gateway}",
            $"--AslSweep:Workers:CheckpointRoot={checkpoints}",
            $"--Urls=http://127.0.0.1:{http}");
        silo.WaitForLine("registered 1 workers", limit);
        WaitForHttp(silo, http, limit);
        return (silo, gateway, http);
    }

    /// <summary>Waits until <c>/healthz</c> on <paramref name="port"/> answers at all (any status), or throws with the process output.</summary>
    public static void WaitForHttp(Background process, int port, TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"nothing answered on http://127.0.0.1:{port}/healthz within {limit}:\n{process.Output}");
    }

    /// <summary>Collects the output of any started process (Prometheus, for instance) the same way.</summary>
    public static Background Wrap(Process process) => new(process);

    /// <summary>A project's build output, in the configuration the tests were built in.</summary>
    private static string Output(string project, string file)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(AslSweep.Tests.Shared.RepoPaths.Root, project, "bin", configuration, "net10.0", file);
    }

    private static ProcessStartInfo StartInfo(string[] args, string? program = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(program ?? Output("Client", "aslsweep.dll"));
        if (program is not null)
        {
            // A silo outlives nothing of the test run: should this test host die, its silos stop themselves.
            start.Environment["AslSweep__Silo__ParentProcessId"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>A running aslsweep process whose output is collected line by line.</summary>
    public sealed class Background : IDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        internal Background(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Add(e.Data);
            _process.ErrorDataReceived += (_, e) => Add(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output => string.Join("\n", _lines);

        /// <summary>Waits for a line matching <paramref name="pattern"/> and returns the match.</summary>
        public System.Text.RegularExpressions.Match WaitForLine(string pattern, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (DateTime.UtcNow < deadline)
            {
                // Read before looking at the lines: a process that printed its last line and exited between the
                // two looks would otherwise be reported without that line (its output is drained by then).
                bool exited = _process.HasExited;
                if (exited)
                {
                    _process.WaitForExit();
                }

                foreach (string line in _lines)
                {
                    var match = System.Text.RegularExpressions.Regex.Match(line, pattern);
                    if (match.Success)
                    {
                        return match;
                    }
                }

                if (exited)
                {
                    throw new TimeoutException($"exited ({_process.ExitCode}) without a line matching {pattern}:\n{Output}");
                }

                Thread.Sleep(100);
            }

            throw new TimeoutException($"no line matching {pattern} within {limit}:\n{Output}");
        }

        /// <summary>Waits for the exit and returns the code.</summary>
        public int WaitForExit(TimeSpan limit)
        {
            if (!_process.WaitForExit(limit))
            {
                throw new TimeoutException($"still running after {limit}:\n{Output}");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>Kills the process at once (SIGKILL).</summary>
        public void Kill() => _process.Kill(entireProcessTree: true);

        /// <summary>Whether the process has ended.</summary>
        public bool HasExited => _process.HasExited;

        /// <summary>Sends a signal by name (TERM, STOP, CONT) through kill(1).</summary>
        public void Signal(string name) => AslSweep.Tests.Shared.Signals.Send(_process.Id, name);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Add(string? line)
        {
            if (line is not null)
            {
                _lines.Enqueue(line);
            }
        }
    }
}
