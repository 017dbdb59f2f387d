using System.Text;

namespace AslSweep.Tests.Shared;

/// <summary>Builds Sign-MNIST CSV text for tests.</summary>
public static class CsvBuilder
{
    /// <summary>The Kaggle header line.</summary>
    public static string Header { get; } = "label," + string.Join(",", Enumerable.Range(1, 784).Select(i => $"pixel{i}"));

    /// <summary>One row with the given label and every pixel set from <paramref name="pixel"/>(index).</summary>
    public static string Row(int label, Func<int, int>? pixel = null)
    {
        pixel ??= i => (i * 7 + label * 13) % 256;
        return label + "," + string.Join(",", Enumerable.Range(0, 784).Select(pixel));
    }

    /// <summary>A whole file: optional header, then one row per label.</summary>
    public static string File(IEnumerable<int> labels, bool header = true, string newline = "\n")
    {
        var text = new StringBuilder();
        if (header)
        {
            text.Append(Header).Append(newline);
        }

        foreach (int label in labels)
        {
            text.Append(Row(label)).Append(newline);
        }

        return text.ToString();
    }
}
