using System.Collections.Immutable;
using System.Reflection;
using AslSweep.Contracts;

namespace AslSweep.Sweeps.Tests.Specs;

/// <summary>The specs' hand-written value equality takes every property part: a new property fails here until it is added.</summary>
public sealed class SpecEqualityTests
{
    [Theory]
    [InlineData(typeof(SweepSpec))]
    [InlineData(typeof(ParameterSpec))]
    public void Equals_everyPropertyChanged_makesTheSpecsDiffer(Type type)
    {
        object original = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            object changed = Clone(original);
            property.SetValue(changed, Different(property.GetValue(original), property.PropertyType));

            Assert.True(!original.Equals(changed), $"{type.Name}.{property.Name} does not take part in equality");
            Assert.True(original.Equals(Clone(original)), $"{type.Name}: a copy must be equal");
        }
    }

    private static object Clone(object value) => value.GetType().GetMethod("<Clone>$")!.Invoke(value, null)!;

    private static object? Different(object? value, Type type)
    {
        if (type == typeof(string))
        {
            return (string?)value + "x";
        }

        if (type == typeof(int) || type == typeof(int?))
        {
            return ((int?)value ?? 0) + 1;
        }

        if (type == typeof(double))
        {
            return (double)value! + 1;
        }

        if (type == typeof(bool))
        {
            return !(bool)value!;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue((Array.IndexOf(values, value) + 1) % values.Length);
        }

        if (type == typeof(ImmutableArray<string>))
        {
            return ((ImmutableArray<string>)value!).Add("extra");
        }

        if (type == typeof(ImmutableArray<ParameterSpec>))
        {
            return ((ImmutableArray<ParameterSpec>)value!).Add(new ParameterSpec { Name = "extra" });
        }

        // A nested record (DataSpec, MetricSpec, SchedulerSpec): a copy with its first property changed.
        object copy = Clone(value!);
        var first = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).First(p => p.CanWrite);
        first.SetValue(copy, Different(first.GetValue(value), first.PropertyType));
        return copy;
    }
}
