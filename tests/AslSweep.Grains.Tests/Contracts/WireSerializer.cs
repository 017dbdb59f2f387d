using AslSweep.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AslSweep.Grains.Tests.Contracts;

/// <summary>Orleans' serializer with the contracts' codecs and this assembly's old-shape test types.</summary>
internal static class WireSerializer
{
    public static Serializer Instance { get; } = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TrialConfigWire).Assembly).AddAssembly(typeof(WireSerializer).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();
}
