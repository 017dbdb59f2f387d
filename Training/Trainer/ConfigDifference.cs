using System.Text.Json.Nodes;

namespace AslSweep.Training.Trainer;

/// <summary>
/// Names the fields in which two configurations (as the JSON a checkpoint records) differ, so that a refused
/// resume says what changed instead of only that something did.
/// </summary>
public static class ConfigDifference
{
    /// <summary>
    /// "path: A in the checkpoint, B now" for every differing field (nested objects by dotted path), joined by
    /// "; "; a field one side leaves out (a default not written) shows as "absent".
    /// </summary>
    public static string Describe(string written, string current)
    {
        var differences = new List<string>();
        Compare(JsonNode.Parse(written), JsonNode.Parse(current), "", differences);
        return string.Join("; ", differences);
    }

    private static void Compare(JsonNode? written, JsonNode? current, string path, List<string> differences)
    {
        if (written is JsonObject a && current is JsonObject b)
        {
            foreach (string key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                Compare(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}", differences);
            }
        }
        else if (!JsonNode.DeepEquals(written, current))
        {
            differences.Add($"{path}: {Show(written)} in the checkpoint, {Show(current)} now");
        }
    }

    private static string Show(JsonNode? value) => value is null ? "absent" : value.ToJsonString();
}
