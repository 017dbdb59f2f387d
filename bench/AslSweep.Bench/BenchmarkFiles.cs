using System.Text.Json;
using AslSweep.Training.Trainer;

namespace AslSweep.Bench;

/// <summary>Writes benchmark results as JSON.</summary>
public static class BenchmarkFiles
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> and says where.</summary>
    public static void Save<T>(T result, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(result, TrainingCheckpoint.Json));
        Console.WriteLine($"wrote {Path.GetFullPath(path)}");
    }
}
