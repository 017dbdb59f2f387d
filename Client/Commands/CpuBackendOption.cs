using AslSweep.Training.Numerics;

namespace AslSweep.Client.Commands;

/// <summary>
/// <c>--cpu-backend</c> of the verbs that train in this process: asks for the backend, chooses and probes it before
/// any tensor work, and says what is in force (with the warning, once, when the probe rejected a backend).
/// </summary>
public static class CpuBackendOption
{
    /// <summary>The option's description, one text for every verb.</summary>
    public const string Description = "CPU backend for convolutions: native (default: ATen's own kernels, oneDNN off), onednn (libtorch's default) or onednn-sse41. Also ASLSWEEP_CPU_BACKEND. A backend that fails the numerics probe at start is replaced by a safe one, with a warning.";

    /// <summary>Applies <paramref name="name"/> (null: the environment or the default) and returns the status.</summary>
    public static NumericsStatus Choose(string? name, bool print = true)
    {
        if (name is not null)
        {
            if (!CpuBackends.TryParse(name, out var backend))
            {
                throw new UsageException($"--cpu-backend: '{name}' is not one of {CpuBackends.Names}");
            }

            TorchNumerics.Request(backend, "--cpu-backend");
        }

        NumericsStatus status;
        try
        {
            status = TorchNumerics.Ensure();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        if (print)
        {
            // Plain lines: a long warning stays one line in logs and pipes.
            Console.WriteLine($"CPU backend: {status.Describe()}");
            if (status.Warning is { } warning)
            {
                Console.Error.WriteLine($"warning: {warning}");
            }
        }

        return status;
    }
}
