namespace AslSweep.Tests.Shared;

/// <summary>Locations the tests read: the repository root and the shared real-data sample beside it.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding AslSweep.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared Sign-MNIST sample (read-only, never copied into the repo); may be absent.</summary>
    public static string SampleData { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "sign-mnist-sample"));

    /// <summary>True when the shared sample is present.</summary>
    public static bool HasSampleData => File.Exists(Path.Combine(SampleData, "kaggle-labels-train.csv"));

    /// <summary>Path of a sample file.</summary>
    public static string Sample(string file) => Path.Combine(SampleData, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AslSweep.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AslSweep.sln not found above " + AppContext.BaseDirectory);
    }
}
