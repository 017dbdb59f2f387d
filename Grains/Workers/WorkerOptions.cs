namespace AslSweep.Grains.Workers;

/// <summary>The training workers of a silo (configuration section <c>AslSweep:Workers</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AslSweep:Workers";

    /// <summary>Explicit devices, one worker each (e.g. cpu,cpu or cuda:0,cuda:1); empty = discover.</summary>
    public List<string> Devices { get; set; } = [];

    /// <summary>Workers per discovered CUDA device (a big GPU can run several small trials at once).</summary>
    public int TrialsPerDevice { get; set; } = 1;

    /// <summary>Workers on the CPU when no CUDA device is found.</summary>
    public int CpuSlots { get; set; } = 1;

    /// <summary>Torch threads for the process; 0 = the machine's cores divided among the CPU workers.</summary>
    public int TorchThreads { get; set; }

    /// <summary>Where trials write their checkpoints (a shared volume in a multi-node cluster).</summary>
    public string CheckpointRoot { get; set; } = "checkpoints";

    /// <summary>torch (real training) or simulated (control-plane benchmarks and load tests only).</summary>
    public TrainerKind Trainer { get; set; } = TrainerKind.Torch;

    /// <summary>Epoch length of the simulated trainer.</summary>
    public double SimulatedEpochSeconds { get; set; } = 1.0;

    /// <summary>
    /// Device memory a worker may use, in MB (0 = no cap): a trial whose estimated need is larger fails at once
    /// with an out-of-memory message instead of taking the device down. Also simulates a small device in tests.
    /// </summary>
    public int MemoryCapMegabytes { get; set; }

    /// <summary>
    /// CPU backend for convolutions (native, onednn, onednn-sse41); empty = ASLSWEEP_CPU_BACKEND or native. A backend
    /// that fails the numerics probe at start is replaced by a safe one, with a warning in the log and in <c>status</c>.
    /// </summary>
    public string CpuBackend { get; set; } = "";

    /// <summary>How often a silo renews its workers' registration.</summary>
    public TimeSpan RegistrationRenewal { get; set; } = TimeSpan.FromSeconds(10);
}
