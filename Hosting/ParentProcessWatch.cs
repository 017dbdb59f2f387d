using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AslSweep.Hosting;

/// <summary>
/// Stops the silo when the process that started it ends (<see cref="SiloHostOptions.ParentProcessId"/>): a test
/// host or tool that dies without cleaning up must not leave silos holding ports and checkpoint folders. The stop is
/// graceful, with a hard exit after <see cref="HardExitAfter"/>, because a graceful stop can wait far longer
/// (membership and storage calls retry while the cluster's Redis is gone, which is exactly when a dead parent
/// left it).
/// </summary>
public sealed partial class ParentProcessWatch(int parentProcessId, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : BackgroundService
{
    /// <summary>How long the graceful stop may take before the process exits anyway.</summary>
    public static readonly TimeSpan HardExitAfter = TimeSpan.FromSeconds(20);

    /// <summary>Exit code of a silo that had to exit hard after its parent ended.</summary>
    public const int HardExitCode = 3;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (IsAlive(parentProcessId))
        {
            if (!await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }

        LogParentEnded(logger, parentProcessId);
        _ = Task.Delay(HardExitAfter, CancellationToken.None).ContinueWith(_ => Environment.Exit(HardExitCode), TaskScheduler.Default);
        lifetime.StopApplication();
    }

    private static bool IsAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parent process {ParentProcessId} has ended: stopping this silo")]
    private static partial void LogParentEnded(ILogger logger, int parentProcessId);
}
