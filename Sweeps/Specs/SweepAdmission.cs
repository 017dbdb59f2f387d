using System.Text.RegularExpressions;
using AslSweep.Contracts;
using AslSweep.Sweeps.Search;

namespace AslSweep.Sweeps.Specs;

/// <summary>
/// The silo's own check of a spec that <see cref="SweepSpecValidator"/> accepted, against the silo's limits and
/// data root: a client may be old, modified or not ours. Every problem names its spec path.
/// </summary>
public static partial class SweepAdmission
{
    /// <summary>
    /// The problem with a sweep id, or null: it names folders (checkpoints, reports), so letters, digits, '.',
    /// '_' and '-' only, starting with a letter or digit, at most 128 characters.
    /// </summary>
    public static string? CheckId(string sweepId) =>
        sweepId is not null && SafeId().IsMatch(sweepId)
            ? null
            : $"sweep id '{sweepId}': use letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 128 characters";

    /// <summary>
    /// Every problem with starting sweep <paramref name="sweepId"/> with <paramref name="spec"/> here: the id's
    /// and the spec's own (<see cref="SweepSpecValidator"/>), then, once those are clean, this cluster's limits
    /// and data root (<see cref="Check"/>); with no problem, the sweep's trials, planned here once.
    /// </summary>
    public static (IReadOnlyList<string> Problems, IReadOnlyList<PlannedTrial> Trials) Admit(string sweepId, SweepSpec spec, SweepLimitsOptions limits)
    {
        var problems = new List<string>();
        if (CheckId(sweepId) is { } badId)
        {
            problems.Add(badId);
        }

        problems.AddRange(SweepSpecValidator.Validate(spec));
        return problems.Count > 0 ? (problems, []) : Check(spec, limits);
    }

    /// <summary>Every problem of a valid spec (empty when it may run here) and, when there is none, its trials.</summary>
    public static (IReadOnlyList<string> Problems, IReadOnlyList<PlannedTrial> Trials) Check(SweepSpec spec, SweepLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        int values = spec.Parameters.Sum(p => p.Values.Length);
        if (values > limits.MaxParameterValues)
        {
            problems.Add($"parameters: {values:N0} values in all is over this cluster's limit of {limits.MaxParameterValues:N0} (AslSweep:Limits:MaxParameterValues)");
        }

        IReadOnlyList<PlannedTrial> trials = [];
        if (problems.Count == 0)
        {
            trials = TrialPlanner.Plan(spec);
            if (trials.Count > limits.MaxTrialsPerSweep)
            {
                string replicated = spec.Replicates > 1 ? $" ({spec.Replicates} replicates of each configuration)" : "";
                problems.Add($"parameters: {trials.Count:N0} trials{replicated} is over this cluster's limit of {limits.MaxTrialsPerSweep:N0} per sweep (AslSweep:Limits:MaxTrialsPerSweep)");
            }

            int epochs = trials.Max(t => t.Config.Epochs);
            if (epochs > limits.MaxEpochsPerTrial)
            {
                problems.Add($"parameters.epochs: {epochs:N0} is over this cluster's limit of {limits.MaxEpochsPerTrial:N0} epochs per trial (AslSweep:Limits:MaxEpochsPerTrial)");
            }
        }

        if (!spec.Data.Synthetic)
        {
            foreach (var (field, path) in new[] { ("data.train", spec.Data.Train), ("data.valid", spec.Data.Valid) })
            {
                if (path is not null && DataPaths.Confine(path, limits.DataRoot, field).Problem is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        return problems.Count > 0 ? (problems, []) : (problems, trials);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeId();
}
