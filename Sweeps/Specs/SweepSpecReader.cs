using System.Collections.Immutable;
using AslSweep.Contracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AslSweep.Sweeps.Specs;

/// <summary>
/// Reads a sweep spec from YAML or JSON (JSON is read as YAML) in the spirit of W&amp;B sweep configs. Unknown keys
/// and wrong types are errors located as source:line:column and spec path; then <see cref="SweepSpecValidator"/>
/// checks values. Every problem is reported at once.
/// </summary>
public static partial class SweepSpecReader
{
    private static readonly string[] RootKeys = ["name", "data", "metric", "method", "num_samples", "seed", "max_concurrent", "max_failures", "include_baseline", "scheduler", "keep_checkpoints", "replicates", "parameters"];
    private static readonly string[] DataKeys = ["synthetic", "train", "valid", "labels", "train_per_class", "valid_per_class", "seed"];
    private static readonly string[] MetricKeys = ["name", "goal", "statistics", "last_k"];
    private static readonly string[] SchedulerKeys = ["type", "reduction_factor", "grace_period", "max_epochs", "min_samples"];
    private static readonly string[] ParameterKeys = ["value", "values", "distribution", "min", "max"];

    /// <summary>Reads and validates the spec in <paramref name="path"/>.</summary>
    public static SweepSpec ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new SpecFormatException([$"{path}: file not found"]);
        }

        if (file.Length > SpecShapeGuard.MaxBytes * 4L)
        {
            throw new SpecFormatException([$"{path}: {file.Length:N0} bytes; a spec may have at most {SpecShapeGuard.MaxBytes:N0} characters"]);
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads and validates spec text; <paramref name="source"/> names it in messages.</summary>
    public static SweepSpec Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SpecShapeGuard.Check(text, source) is { } shape)
        {
            throw new SpecFormatException([shape]);
        }

        var context = new Context(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SpecFormatException([$"{source}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these on some malformed input (found by the spec fuzz test).
            throw new SpecFormatException([$"{source}: not valid YAML ({e.Message})"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpecFormatException([$"{source}: the spec must be a mapping of keys (name, data, metric, method, parameters, ...)"]);
        }

        var spec = context.Root(root);
        // Every problem at once: the reader's (located by line and column) and the validator's, except those of a
        // path the reader already reported (a value it could not read stands at its default there).
        var read = context.Problems.Select(p => PathOf(p, source)).ToList();
        var problems = context.Problems
            .Concat(SweepSpecValidator.Validate(spec).Where(p => !read.Exists(path => p.StartsWith(path, StringComparison.Ordinal))).Select(p => $"{source}: {p}"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new SpecFormatException(problems);
        }

        return spec;
    }

    // "s.yaml:3:9: scheduler.type: ..." -> "scheduler.type" (or the whole text when it has no path).
    private static string PathOf(string problem, string source)
    {
        var match = LocatedProblem().Match(problem, Math.Min(problem.Length, source.Length));
        return match.Success ? match.Groups[1].Value : problem;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G:\d+:\d+: ([^:]+):")]
    private static partial System.Text.RegularExpressions.Regex LocatedProblem();

    private sealed partial class Context(string source)
    {
        public List<string> Problems { get; } = [];

        public SweepSpec Root(YamlMappingNode root)
        {
            var spec = new SweepSpec();
            foreach (var (key, value) in Entries(root, "", RootKeys))
            {
                spec = key switch
                {
                    "name" => spec with { Name = Text(value, key) ?? spec.Name },
                    "data" => spec with { Data = Data(value) },
                    "metric" => spec with { Metric = Metric(value) },
                    "method" => spec with { Method = Choice(value, key, Spellings.Method) ?? spec.Method },
                    "num_samples" => spec with { NumSamples = Int(value, key) ?? spec.NumSamples },
                    "seed" => spec with { SearchSeed = Int(value, key) ?? spec.SearchSeed },
                    "max_concurrent" => spec with { MaxConcurrent = Int(value, key) ?? spec.MaxConcurrent },
                    "max_failures" => spec with { MaxFailures = Int(value, key) ?? spec.MaxFailures },
                    "include_baseline" => spec with { IncludeBaseline = Bool(value, key) ?? spec.IncludeBaseline },
                    "scheduler" => spec with { Scheduler = Scheduler(value) },
                    "keep_checkpoints" => spec with { KeepCheckpoints = Int(value, key) },
                    "replicates" => spec with { Replicates = Int(value, key) ?? spec.Replicates },
                    _ => spec with { Parameters = Parameters(value) },
                };
            }

            return spec;
        }

        private DataSpec Data(YamlNode node)
        {
            var data = new DataSpec();
            bool synthetic = true;
            bool sawSynthetic = false;
            foreach (var (key, value) in Entries(node, "data", DataKeys))
            {
                string path = $"data.{key}";
                switch (key)
                {
                    case "synthetic":
                        synthetic = Bool(value, path) ?? true;
                        sawSynthetic = true;
                        break;
                    case "train":
                        data = data with { Train = Text(value, path) };
                        break;
                    case "valid":
                        data = data with { Valid = Text(value, path) };
                        break;
                    case "labels":
                        data = data with { Labels = Choice(value, path, Spellings.Labels) ?? data.Labels };
                        break;
                    case "train_per_class":
                        data = data with { SyntheticTrainPerClass = Int(value, path) ?? data.SyntheticTrainPerClass };
                        break;
                    case "valid_per_class":
                        data = data with { SyntheticValidPerClass = Int(value, path) ?? data.SyntheticValidPerClass };
                        break;
                    default:
                        data = data with { SyntheticSeed = Int(value, path) ?? data.SyntheticSeed };
                        break;
                }
            }

            // Files given without "synthetic" mean the files.
            bool files = data.Train is not null || data.Valid is not null;
            return data with { Synthetic = sawSynthetic ? synthetic : !files };
        }

        private MetricSpec Metric(YamlNode node)
        {
            var metric = new MetricSpec();
            foreach (var (key, value) in Entries(node, "metric", MetricKeys))
            {
                string path = $"metric.{key}";
                metric = key switch
                {
                    "name" => metric with { Name = Choice(value, path, Spellings.Metric) ?? metric.Name },
                    "goal" => metric with { Goal = Choice(value, path, Spellings.Goal) ?? metric.Goal },
                    "statistics" => metric with { Statistics = Choice(value, path, Spellings.View) ?? metric.Statistics },
                    _ => metric with { LastK = Int(value, path) ?? metric.LastK },
                };
            }

            return metric;
        }

        // "scheduler: asha" or a mapping with type and its settings.
        private SchedulerSpec Scheduler(YamlNode node)
        {
            var scheduler = new SchedulerSpec();
            if (node is YamlScalarNode)
            {
                return scheduler with { Type = Choice(node, "scheduler", Spellings.Scheduler) ?? scheduler.Type };
            }

            foreach (var (key, value) in Entries(node, "scheduler", SchedulerKeys))
            {
                string path = $"scheduler.{key}";
                scheduler = key switch
                {
                    "type" => scheduler with { Type = Choice(value, path, Spellings.Scheduler) ?? scheduler.Type },
                    "reduction_factor" => scheduler with { ReductionFactor = Int(value, path) ?? scheduler.ReductionFactor },
                    "grace_period" => scheduler with { GracePeriod = Int(value, path) ?? scheduler.GracePeriod },
                    "max_epochs" => scheduler with { MaxEpochs = Int(value, path) ?? scheduler.MaxEpochs },
                    _ => scheduler with { MinSamples = Int(value, path) ?? scheduler.MinSamples },
                };
            }

            return scheduler;
        }

        private ImmutableArray<ParameterSpec> Parameters(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                Problem(node, "parameters", "expected a mapping of parameter names");
                return [];
            }

            var parameters = ImmutableArray.CreateBuilder<ParameterSpec>();
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                string name = ((keyNode as YamlScalarNode)?.Value ?? "").Trim();
                parameters.Add(Parameter(name, valueNode));
            }

            return parameters.ToImmutable();
        }

        private ParameterSpec Parameter(string name, YamlNode node)
        {
            string path = $"parameters.{name}";
            var parameter = new ParameterSpec { Name = name };
            bool any = false;
            foreach (var (key, value) in Entries(node, path, ParameterKeys))
            {
                any = true;
                string at = $"{path}.{key}";
                switch (key)
                {
                    case "value":
                        parameter = parameter with { Values = Canonical(value, at) is { } v ? [v] : [] };
                        break;
                    case "values":
                        if (value is YamlSequenceNode list)
                        {
                            parameter = parameter with { Values = [.. list.Children.Select((item, i) => Canonical(item, $"{at}[{i}]") ?? "")] };
                        }
                        else
                        {
                            Problem(value, at, "expected a list, e.g. [0.2, 0.3]");
                        }

                        break;
                    case "distribution":
                        parameter = parameter with { Distribution = Text(value, at) };
                        break;
                    case "min":
                        parameter = parameter with { Min = Double(value, at) ?? 0 };
                        break;
                    default:
                        parameter = parameter with { Max = Double(value, at) ?? 0 };
                        break;
                }
            }

            if (any && parameter.Values.IsEmpty && parameter.Distribution is null && node is YamlMappingNode m && !m.Children.ContainsKey("values"))
            {
                Problem(node, path, "give value, values, or distribution with min and max");
            }

            return parameter;
        }
    }
}
