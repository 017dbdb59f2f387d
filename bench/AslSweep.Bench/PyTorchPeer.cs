using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AslSweep.Bench;

/// <summary>
/// Runs the PyTorch peer (<c>bench/peer/pytorch_peer.py</c>: the seed CNN trained as AslSweep trains it, in eager
/// PyTorch) with Debian's <c>python3-torch</c>, right after AslSweep's own row, so that the ratio compares two
/// numbers measured minutes apart on the same machine. Skipped, with the reason, when Debian's Python or its torch
/// is missing. Debian's interpreter is called by path: another <c>python3</c> first on the PATH (pyenv, a venv)
/// lacks Debian's torch.
/// </summary>
public static class PyTorchPeer
{
    /// <summary>Debian's interpreter, which sees Debian's python3-torch.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The peer script, relative to the repository root the benchmarks run from.</summary>
    public static string Script { get; } = Path.Combine("bench", "peer", "pytorch_peer.py");

    /// <summary>
    /// The peer's median images/s over epochs 2..<paramref name="epochs"/> (epoch 1 warms up) at
    /// <paramref name="batch"/> with <paramref name="threads"/> threads on <paramref name="images"/> images, and its
    /// torch version; null when it cannot run here (said in <paramref name="log"/>).
    /// </summary>
    public static PeerResult? Run(int batch, int threads, int images, int epochs, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(Python) || !File.Exists(Script))
        {
            log.WriteLine($"PyTorch peer skipped: {(File.Exists(Python) ? Script + " not found (run the benchmark from the repository root)" : Python + " not found")}");
            return null;
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { Script, "--batch", Text(batch), "--threads", Text(threads), "--images", Text(images), "--epochs", Text(epochs) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<JsonElement>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            lines.Add(json.RootElement.Clone());
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || lines.Count < 2)
        {
            string reason = error.Result.Contains("No module named 'torch'", StringComparison.Ordinal)
                ? "Debian's python3-torch is not installed (apt-get install python3-torch)"
                : $"exit {process.ExitCode}: {error.Result.Trim().Split('\n')[^1]}";
            log.WriteLine($"PyTorch peer skipped: {reason}");
            return null;
        }

        string torch = lines[0].GetProperty("torch").GetString() ?? "?";
        double[] rates = [.. lines.Skip(2).Select(l => l.GetProperty("images_per_second").GetDouble()).Order()];
        log.WriteLine($"PyTorch {torch} peer, batch {batch}, {threads} threads: {string.Join("; ", lines.Skip(1).Select(l => $"{l.GetProperty("images_per_second").GetDouble():F0} images/s"))}");
        return new PeerResult(batch, rates.Length == 0 ? double.NaN : rates[rates.Length / 2], torch);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
