using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AslSweep.Hosting;

/// <summary>
/// Settings that are closed sets (enums): their one spelling is the member's name in lower case
/// (<c>Clustering=redis</c>, <c>Trainer=simulated</c>); the binder also takes other cases.
/// </summary>
public static class ConfigurationChoices
{
    /// <summary>The one spelling of <paramref name="value"/> in settings and output.</summary>
    public static string Spell<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>"a or b" for messages.</summary>
    public static string Listed<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    /// <summary>One problem per enum setting of <paramref name="section"/> whose text names no member.</summary>
    public static IEnumerable<string> Problems<TOptions>(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType.IsEnum))
        {
            string? text = configuration.GetSection(section)[property.Name];
            if (text is not null && !Enum.GetNames(property.PropertyType).Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                var names = Enum.GetNames(property.PropertyType).Select(n => n.ToLowerInvariant()).ToList();
                yield return $"{section}:{property.Name}: '{text}' is not {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
            }
        }
    }
}
