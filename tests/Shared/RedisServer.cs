using System.Diagnostics;
using System.Net.Sockets;

namespace AslSweep.Tests.Shared;

/// <summary>
/// A real redis-server (Debian's package, installed by test.sh) on a free loopback port with a temporary
/// directory and no persistence; killed on dispose.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _folder = new();

    private RedisServer(int port)
    {
        Port = port;
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder.Path, "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>redis-server on the PATH, or null.</summary>
    public static string? Executable { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>Why Redis tests cannot run here, or null.</summary>
    public static string? Missing => Executable is null ? "redis-server is not installed (Debian package redis-server; ./test.sh installs it when run as root)" : null;

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>StackExchange.Redis connection string.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    /// <summary>The process id (to freeze it with SIGSTOP).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts one and waits until it accepts connections.</summary>
    public static RedisServer Start()
    {
        var server = new RedisServer(FreePorts.Next());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient("127.0.0.1", server.Port);
                return server;
            }
            catch (SocketException)
            {
                if (server._process.HasExited)
                {
                    break;
                }

                Thread.Sleep(100);
            }
        }

        server.Dispose();
        throw new InvalidOperationException("redis-server did not start");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, "CONT");
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _folder.Dispose();
    }
}
