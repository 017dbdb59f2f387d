using System.Text.RegularExpressions;
using AslSweep.Training.Numerics;
using Microsoft.Extensions.Options;

namespace AslSweep.Grains.Workers;

/// <summary>Checks <see cref="WorkerOptions"/> at start; messages name the configuration key.</summary>
public sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (int i = 0; i < options.Devices.Count; i++)
        {
            if (!DevicePattern().IsMatch(options.Devices[i]))
            {
                problems.Add($"{WorkerOptions.Section}:Devices:{i}: '{options.Devices[i]}' is not cpu or cuda:N");
            }
        }

        if (options.TrialsPerDevice < 1)
        {
            problems.Add($"{WorkerOptions.Section}:TrialsPerDevice: {options.TrialsPerDevice} must be at least 1");
        }

        if (options.CpuSlots < 1)
        {
            problems.Add($"{WorkerOptions.Section}:CpuSlots: {options.CpuSlots} must be at least 1");
        }

        if (options.MemoryCapMegabytes < 0)
        {
            problems.Add($"{WorkerOptions.Section}:MemoryCapMegabytes: {options.MemoryCapMegabytes} must not be negative (0 = no cap)");
        }

        if (options.TorchThreads < 0)
        {
            problems.Add($"{WorkerOptions.Section}:TorchThreads: {options.TorchThreads} must not be negative");
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointRoot))
        {
            problems.Add($"{WorkerOptions.Section}:CheckpointRoot: must not be empty");
        }

        if (!Enum.IsDefined(options.Trainer))
        {
            problems.Add($"{WorkerOptions.Section}:Trainer: not torch or simulated");
        }

        if (options.CpuBackend.Length > 0 && !CpuBackends.TryParse(options.CpuBackend, out _))
        {
            problems.Add($"{WorkerOptions.Section}:CpuBackend: '{options.CpuBackend}' is not one of {CpuBackends.Names}");
        }

        // Read by the first model or device of the process; checked here so that a bad value stops the silo at start
        // with its name instead of failing in the middle of registration.
        string? named = Environment.GetEnvironmentVariable(TorchNumerics.BackendVariable);
        if (!string.IsNullOrWhiteSpace(named) && !CpuBackends.TryParse(named, out _))
        {
            problems.Add($"{TorchNumerics.BackendVariable}={named}: expected one of {CpuBackends.Names}");
        }

        try
        {
            TorchNumerics.ParseFaults(Environment.GetEnvironmentVariable(TorchNumerics.FaultVariable));
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }

        if (!(options.SimulatedEpochSeconds > 0))
        {
            problems.Add($"{WorkerOptions.Section}:SimulatedEpochSeconds: must be positive");
        }

        if (options.RegistrationRenewal <= TimeSpan.Zero)
        {
            problems.Add($"{WorkerOptions.Section}:RegistrationRenewal: must be positive");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^(cpu|cuda:[0-9]+)$")]
    private static partial Regex DevicePattern();
}
