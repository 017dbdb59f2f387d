using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AslSweep.Hosting;

/// <summary>
/// Keys of a configuration section that no property of its options class binds: a misspelt setting would
/// otherwise be silently ignored and the default used.
/// </summary>
public static class UnknownSettings
{
    /// <summary>One problem per unknown key of <paramref name="section"/>, naming it and the known ones.</summary>
    public static IEnumerable<string> Of<TOptions>(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var known = typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToList();
        return configuration.GetSection(section).GetChildren()
            .Where(child => !known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            .Select(child => $"{section}:{child.Key}: unknown setting (known: {string.Join(", ", known)})");
    }
}
