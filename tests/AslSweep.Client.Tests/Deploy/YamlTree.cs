using YamlDotNet.RepresentationModel;

namespace AslSweep.Client.Tests.Deploy;

/// <summary>Small helpers over YamlDotNet's representation model for reading deploy/ files (merge keys resolved).</summary>
public static class YamlTree
{
    /// <summary>Every document of a (multi-document) YAML file.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>A child of a mapping, following a "&lt;&lt;" merge key when the mapping itself lacks it.</summary>
    public static YamlNode? Get(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map)
        {
            return null;
        }

        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }

        return map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) ? merged.Get(key) : null;
    }

    /// <summary>A path of keys, e.g. "spec", "template", "spec".</summary>
    public static YamlNode? At(this YamlNode? node, params string[] keys) =>
        keys.Aggregate<string, YamlNode?>(node, (current, key) => current?.Get(key));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => (node as YamlSequenceNode)?.Children ?? [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        (node as YamlMappingNode)?.Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value!, c.Value)) ?? [];
}
