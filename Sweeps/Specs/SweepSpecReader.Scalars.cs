using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AslSweep.Sweeps.Specs;

/// <content>The reader's typed access to YAML nodes: each problem is recorded with its line, column and spec path.</content>
public static partial class SweepSpecReader
{
    private sealed partial class Context
    {
        private IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node, string path, string[] known)
        {
            if (node is not YamlMappingNode mapping)
            {
                Problem(node, path, "expected a mapping");
                yield break;
            }

            foreach (var (keyNode, value) in mapping.Children)
            {
                string key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(key))
                {
                    Problem(keyNode, path.Length == 0 ? key : $"{path}.{key}", $"unknown key (known: {string.Join(", ", known)})");
                    continue;
                }

                yield return (key, value);
            }
        }

        private string? Canonical(YamlNode node, string path) => node switch
        {
            YamlScalarNode scalar => Normalise(scalar.Value ?? ""),
            YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => string.Join(",", list.Children.Select(c => ((YamlScalarNode)c).Value)),
            _ => Fail(node, path, "expected a value or a list of numbers"),
        };

        private static string Normalise(string value) => value.Trim() switch
        {
            "True" or "TRUE" or "yes" or "on" => "true",
            "False" or "FALSE" or "no" or "off" => "false",
            var v => v,
        };

        private string? Text(YamlNode node, string path) =>
            node is YamlScalarNode { Value: { } value } ? value : Fail(node, path, "expected text");

        // A closed set in its one spelling; a spec has only ever had that spelling, so nothing else is read.
        private TEnum? Choice<TEnum>(YamlNode node, string path, Spelling<TEnum> spelling)
            where TEnum : struct, Enum
        {
            if (Text(node, path) is not { } text)
            {
                return null;
            }

            if (spelling.TryRead(text, out var value, out string? warning) && warning is null)
            {
                return value;
            }

            Fail(node, path, $"'{text}' is not {spelling.Listed}");
            return null;
        }

        private int? Int(YamlNode node, string path)
        {
            if (node is YamlScalarNode { Value: { } value } && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result))
            {
                return result;
            }

            Fail(node, path, "expected a whole number");
            return null;
        }

        private double? Double(YamlNode node, string path)
        {
            if (node is YamlScalarNode { Value: { } value } && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result))
            {
                return result;
            }

            Fail(node, path, "expected a number");
            return null;
        }

        private bool? Bool(YamlNode node, string path)
        {
            string? value = (node as YamlScalarNode)?.Value is { } v ? Normalise(v) : null;
            if (value is "true" or "false")
            {
                return value == "true";
            }

            Fail(node, path, "expected true or false");
            return null;
        }

        private string? Fail(YamlNode node, string path, string message)
        {
            Problem(node, path, message);
            return null;
        }

        private void Problem(YamlNode node, string path, string message) =>
            Problems.Add($"{source}:{node.Start.Line}:{node.Start.Column}: {path}: {message}");
    }
}
