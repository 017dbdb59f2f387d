using System.Globalization;
using System.Text;

namespace AslSweep.Client.Cluster;

/// <summary>Makes readable, unique sweep ids: name-yyyyMMdd-HHmmss-xxxx.</summary>
public static class SweepIds
{
    /// <summary>A new id for a sweep named <paramref name="name"/>.</summary>
    public static string New(string name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        string prefix = slug.ToString().Trim('-');
        prefix = prefix.Length == 0 ? "sweep" : prefix[..Math.Min(prefix.Length, 32)];
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");
    }
}
