using AslSweep.Contracts;

namespace AslSweep.Sweeps.Specs;

/// <summary>
/// Checks a spec before anything runs and reports every problem at once, each with its path in the spec
/// (e.g. <c>parameters.dense_dropout.values[2]: 1.5 is outside [0, 1)</c>).
/// </summary>
public static class SweepSpecValidator
{
    /// <summary>Largest number of trials a spec may expand to.</summary>
    public const int MaxTrials = 10_000;

    /// <summary>Largest number of replicates (seeds) per configuration.</summary>
    public const int MaxReplicates = 100;

    private static readonly string[] Distributions = ["uniform", "log_uniform", "int_uniform"];

    /// <summary>Every problem; empty when the spec is valid.</summary>
    public static IReadOnlyList<string> Validate(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            problems.Add("name: must not be empty");
        }

        ValidateData(spec.Data, problems);
        // The reader only gives spelled values; a client not ours may send a word no spelling knows.
        Defined(spec.Metric.Name, "metric.name", Spellings.Metric, problems);
        Defined(spec.Metric.Goal, "metric.goal", Spellings.Goal, problems);
        Defined(spec.Metric.Statistics, "metric.statistics", Spellings.View, problems);
        if (Enum.IsDefined(spec.Metric.Name) && spec.Metric.StatedGoal is { } stated && Enum.IsDefined(stated) && stated != MetricSpec.NaturalGoal(spec.Metric.Name))
        {
            // Ranking, stopping and recommending would all look for the worst trial.
            problems.Add($"metric.goal: {Spellings.Goal.Of(stated)} contradicts {Spellings.Metric.Of(spec.Metric.Name)}, which is {Spellings.Goal.Of(MetricSpec.NaturalGoal(spec.Metric.Name))}d; write {Spellings.Goal.Of(MetricSpec.NaturalGoal(spec.Metric.Name))} or leave goal out");
        }

        if (spec.Metric.LastK is < 1 or > 100)
        {
            problems.Add($"metric.last_k: {spec.Metric.LastK} is outside [1, 100]");
        }

        Defined(spec.Method, "method", Spellings.Method, problems);
        if (spec.Method == SearchMethod.Random && spec.NumSamples is < 1 or > MaxTrials)
        {
            problems.Add($"num_samples: {spec.NumSamples} is outside [1, {MaxTrials}]");
        }

        ValidateScheduler(spec.Scheduler, problems);
        if (spec.MaxConcurrent < 1)
        {
            problems.Add($"max_concurrent: {spec.MaxConcurrent} must be at least 1");
        }

        if (spec.KeepCheckpoints < 1)
        {
            problems.Add($"keep_checkpoints: {spec.KeepCheckpoints} must be at least 1 (leave it out to keep every checkpoint)");
        }

        if (spec.MaxFailures < 1)
        {
            problems.Add($"max_failures: {spec.MaxFailures} must be at least 1");
        }

        if (spec.Replicates is < 1 or > MaxReplicates)
        {
            problems.Add($"replicates: {spec.Replicates} is outside [1, {MaxReplicates}]");
        }
        else if (spec.Replicates > 1 && spec.Parameters.Any(p => p.Name == Hyperparameters.Seed.Name && (p.Distribution is not null || p.Values.Length > 1)))
        {
            // Each replicate's seed is derived from its configuration's; a searched seed would make every seed a
            // configuration. One fixed seed is fine: it is the first replicate's, and the others derive from it.
            problems.Add($"parameters.{Hyperparameters.Seed.Name}: replicates: {spec.Replicates} derives every replicate's seed; search the seed or ask for replicates, not both (one fixed seed is fine)");
        }

        var seen = new HashSet<string>();
        foreach (var parameter in spec.Parameters)
        {
            if (!seen.Add(parameter.Name))
            {
                problems.Add($"parameters.{parameter.Name}: given twice");
            }

            ValidateParameter(parameter, spec.Method, problems);
        }

        if (problems.Count == 0)
        {
            ValidateTrials(spec, problems);
        }

        return problems;
    }

    private static void ValidateData(DataSpec data, List<string> problems)
    {
        if (data.Synthetic)
        {
            if (data.Train is not null || data.Valid is not null)
            {
                problems.Add("data: synthetic: true cannot be combined with train/valid files");
            }

            if (data.SyntheticTrainPerClass is < 1 or > 100_000 || data.SyntheticValidPerClass is < 1 or > 100_000)
            {
                problems.Add("data.train_per_class: synthetic sizes must be in [1, 100000]");
            }
        }
        else if (string.IsNullOrWhiteSpace(data.Train) || string.IsNullOrWhiteSpace(data.Valid))
        {
            problems.Add("data: give both train and valid CSV paths, or synthetic: true");
        }

        Defined(data.Labels, "data.labels", Spellings.Labels, problems);
    }

    private static void ValidateParameter(ParameterSpec parameter, SearchMethod method, List<string> problems)
    {
        string path = $"parameters.{parameter.Name}";
        if (!Hyperparameters.ByName.TryGetValue(parameter.Name, out var definition))
        {
            problems.Add($"{path}: unknown parameter (known: {string.Join(", ", Hyperparameters.ByName.Keys.Order())})");
            return;
        }

        if (parameter.Distribution is null)
        {
            if (parameter.Values.IsEmpty)
            {
                problems.Add($"{path}.values: the list is empty");
            }

            for (int i = 0; i < parameter.Values.Length; i++)
            {
                string? problem = definition.CheckText(parameter.Values[i]);
                if (problem is not null)
                {
                    problems.Add(parameter.Values.Length == 1 ? $"{path}.value: {problem}" : $"{path}.values[{i}]: {problem}");
                }
            }

            return;
        }

        if (!Distributions.Contains(parameter.Distribution))
        {
            problems.Add($"{path}.distribution: '{parameter.Distribution}' is not uniform, log_uniform or int_uniform");
            return;
        }

        if (method == SearchMethod.Grid)
        {
            problems.Add($"{path}.distribution: grid search needs values; use method: random for distributions");
        }

        // A real distribution on a whole-number parameter would draw 12.3456 epochs: int_uniform is its distribution.
        bool fits = parameter.Distribution == "int_uniform" ? definition.TakesIntDistribution : definition.TakesRealDistribution;
        if (!fits)
        {
            string hint = definition.TakesIntDistribution ? " (use int_uniform for a whole number)" : "";
            problems.Add($"{path}.distribution: {parameter.Distribution} does not fit this parameter{hint}");
        }

        if (!(parameter.Min < parameter.Max))
        {
            problems.Add(FormattableString.Invariant($"{path}: min {parameter.Min} must be below max {parameter.Max}"));
        }

        if (parameter.Distribution == "log_uniform" && parameter.Min <= 0)
        {
            problems.Add(FormattableString.Invariant($"{path}.min: {parameter.Min} must be positive for log_uniform"));
        }

        foreach (var (bound, value) in new[] { ("min", parameter.Min), ("max", parameter.Max) })
        {
            string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            string? problem = definition.CheckText(parameter.Distribution == "int_uniform" ? ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture) : text);
            if (problem is not null)
            {
                problems.Add($"{path}.{bound}: {problem}");
            }
        }
    }

    // Every value was checked against its definition above, which holds every rule of the training core (a
    // test in the training core's suite holds that), so no trial needs to be planned here: the server plans once.
    private static void ValidateTrials(SweepSpec spec, List<string> problems)
    {
        if (spec.Method == SearchMethod.Grid)
        {
            // Counted from the spec (each value stays text until the server plans, once).
            long size = spec.Parameters.Aggregate(1L, (n, p) => p.Values.Length == 0 ? 0 : n > long.MaxValue / p.Values.Length ? long.MaxValue : n * p.Values.Length);
            if (size > MaxTrials / spec.Replicates)
            {
                problems.Add(spec.Replicates > 1
                    ? $"parameters: the grid has {size:N0} configurations x {spec.Replicates} replicates; at most {MaxTrials:N0} trials are allowed"
                    : $"parameters: the grid has {size:N0} trials; at most {MaxTrials:N0} are allowed");
            }
        }
        else if ((long)spec.NumSamples * spec.Replicates > MaxTrials)
        {
            problems.Add($"replicates: num_samples {spec.NumSamples:N0} x {spec.Replicates} replicates is over {MaxTrials:N0} trials");
        }
    }

    private static void Defined<TEnum>(TEnum value, string path, Spelling<TEnum> spelling, List<string> problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add($"{path}: not {spelling.Listed}");
        }
    }

    private static void ValidateScheduler(SchedulerSpec scheduler, List<string> problems)
    {
        Defined(scheduler.Type, "scheduler.type", Spellings.Scheduler, problems);

        if (scheduler.ReductionFactor is < 2 or > 100)
        {
            problems.Add($"scheduler.reduction_factor: {scheduler.ReductionFactor} is outside [2, 100]");
        }

        if (scheduler.GracePeriod is < 1 or > 10_000)
        {
            problems.Add($"scheduler.grace_period: {scheduler.GracePeriod} is outside [1, 10000]");
        }

        if (scheduler.MaxEpochs is < 0 or > 10_000)
        {
            problems.Add($"scheduler.max_epochs: {scheduler.MaxEpochs} is outside [0, 10000] (0 = the longest trial)");
        }

        if (scheduler.MinSamples is < 1 or > 10_000)
        {
            problems.Add($"scheduler.min_samples: {scheduler.MinSamples} is outside [1, 10000]");
        }
    }
}
