namespace AslSweep.Sweeps.Specs;

/// <summary>
/// Confines the file paths a spec names to the silo's data root: relative paths are taken inside it; absolute
/// paths outside it, ".." escapes and symbolic links that lead out are refused, as are missing, empty and
/// non-regular files (devices and pipes report no length).
/// </summary>
public static class DataPaths
{
    /// <summary>The full path inside <paramref name="root"/>, or a problem naming <paramref name="field"/>.</summary>
    public static (string? Path, string? Problem) Confine(string specPath, string root, string field)
    {
        ArgumentNullException.ThrowIfNull(specPath);
        try
        {
            return ConfineOrThrow(specPath, root, field);
        }
        catch (IOException e)
        {
            return (null, $"{field}: '{specPath}': {e.Message}");
        }
    }

    private static (string? Path, string? Problem) ConfineOrThrow(string specPath, string root, string field)
    {
        string fullRoot = Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(root)));
        string candidate = Path.GetFullPath(Path.Combine(fullRoot, specPath));
        if (Path.TrimEndingDirectorySeparator(candidate) == fullRoot)
        {
            return (null, $"{field}: '{specPath}' is not a file in the data root {fullRoot}");
        }

        if (!Inside(candidate, fullRoot))
        {
            return (null, $"{field}: '{specPath}' is outside the data root {fullRoot} (AslSweep:Limits:DataRoot)");
        }

        string real = RealPath(candidate);
        if (!Inside(real, fullRoot))
        {
            return (null, $"{field}: '{specPath}' leads out of the data root through a symbolic link");
        }

        var file = new FileInfo(real);
        if (Directory.Exists(real) || !file.Exists)
        {
            return (null, $"{field}: '{specPath}' is not a file in the data root {fullRoot}");
        }

        return file.Length == 0 ? (null, $"{field}: '{specPath}' is empty or not a regular file") : (real, null);
    }

    private static bool Inside(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (components that do not exist are kept as they are).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        if (depth > 40)
        {
            throw new IOException($"{path}: too many levels of symbolic links");
        }

        string root = Path.GetPathRoot(path)!;
        string current = root;
        foreach (string part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                // The target's own folders may be links too.
                current = target is null ? current : RealPath(Path.GetFullPath(target.FullName), depth + 1);
            }
        }

        return current;
    }
}
