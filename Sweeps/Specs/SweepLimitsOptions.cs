namespace AslSweep.Sweeps.Specs;

/// <summary>
/// What one spec may ask of the cluster (configuration section <c>AslSweep:Limits</c>), enforced by the silos
/// whatever the client checked: a cluster is a shared service.
/// </summary>
public sealed class SweepLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AslSweep:Limits";

    /// <summary>Most trials a sweep may expand to.</summary>
    public int MaxTrialsPerSweep { get; set; } = 1000;

    /// <summary>Most epochs per trial.</summary>
    public int MaxEpochsPerTrial { get; set; } = 1000;

    /// <summary>Most sweeps running at once in the cluster.</summary>
    public int MaxConcurrentSweeps { get; set; } = 20;

    /// <summary>Most values over all of a spec's parameters (the size of a spec once parsed).</summary>
    public int MaxParameterValues { get; set; } = 10_000;

    /// <summary>Largest CSV file a spec may name, in bytes.</summary>
    public long MaxCsvBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most rows in a CSV file a spec names.</summary>
    public int MaxCsvRows { get; set; } = 500_000;

    /// <summary>
    /// The folder that holds the CSV files specs may name: relative paths are taken inside it, and no path may
    /// lead out of it (absolute, "..", or through a symbolic link).
    /// </summary>
    public string DataRoot { get; set; } = "data";

    /// <summary>Every problem, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (key, value) in new (string, long)[] { ("MaxTrialsPerSweep", MaxTrialsPerSweep), ("MaxEpochsPerTrial", MaxEpochsPerTrial), ("MaxConcurrentSweeps", MaxConcurrentSweeps), ("MaxParameterValues", MaxParameterValues), ("MaxCsvBytes", MaxCsvBytes), ("MaxCsvRows", MaxCsvRows) })
        {
            if (value < 1)
            {
                problems.Add($"{Section}:{key}: {value} must be at least 1");
            }
        }

        if (string.IsNullOrWhiteSpace(DataRoot))
        {
            problems.Add($"{Section}:DataRoot: must not be empty");
        }

        return problems;
    }
}
