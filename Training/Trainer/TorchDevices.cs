using AslSweep.Training.Numerics;
using static TorchSharp.torch;

namespace AslSweep.Training.Trainer;

/// <summary>
/// The one place where a device name becomes a torch device (after the process's CPU backend is chosen and probed,
/// <see cref="TorchNumerics"/>), and where threads are set.
/// </summary>
public static class TorchDevices
{
    private static readonly Lock ThreadsLock = new();
    private static int _threads;

    /// <summary>Parses "cpu", "cuda" or "cuda:N"; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static Device Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        TorchNumerics.Ensure();
        string trimmed = name.Trim().ToLowerInvariant();
        if (trimmed == "cpu")
        {
            return CPU;
        }

        if (trimmed == "cuda" || trimmed.StartsWith("cuda:", StringComparison.Ordinal))
        {
            int index = 0;
            if (trimmed.Length > 4 && !int.TryParse(trimmed.AsSpan(5), out index))
            {
                throw new ArgumentException($"device '{name}': expected cuda:N with N a number");
            }

            if (!cuda.is_available())
            {
                throw new ArgumentException($"device '{name}': CUDA is not available in this build or on this host (build with -p:TorchBackend=cuda on a GPU host)");
            }

            int count = cuda.device_count();
            if (index < 0 || index >= count)
            {
                throw new ArgumentException($"device '{name}': this host has {count} CUDA device(s)");
            }

            return new Device(TorchSharp.DeviceType.CUDA, index);
        }

        throw new ArgumentException($"device '{name}': expected cpu or cuda:N");
    }

    /// <summary>Sets torch's intra-op thread count for the process (0 = leave torch's default).</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        lock (ThreadsLock)
        {
            if (threads > 0 && threads != _threads)
            {
                set_num_threads(threads);
                _threads = threads;
            }
        }
    }
}
