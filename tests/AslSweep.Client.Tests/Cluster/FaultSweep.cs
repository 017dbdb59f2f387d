using System.Globalization;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>The sweep the fault tests run (3 seeds of a small CNN on synthetic data) and how its results are read and compared.</summary>
public static class FaultSweep
{
    public const int Trials = 3;
    public const int Epochs = 8;
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    public static string Spec(TempFolder temp)
    {
        ArgumentNullException.ThrowIfNull(temp);
        return temp.Write("faults.yaml", $"""
            name: faults
            data:
              synthetic: true
              train_per_class: 40
              valid_per_class: 5
            metric:
              last_k: 2
            include_baseline: false
            max_concurrent: {Trials}
            parameters:
              epochs:
                value: {Epochs}
              filters:
                value: [32, 32]
              dense_units:
                value: 64
              seed:
                values: [1, 2, 3]
            """);
    }

    /// <summary>Waits until the sweep ends (watch re-attached after a lost gateway) and writes its results into <paramref name="folder"/>.</summary>
    public static void WaitAndWriteResults(RedisSiloCluster cluster, string id, string folder)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var deadline = DateTime.UtcNow + Limit;
        AslSweepProcess.Result watch;
        do
        {
            watch = AslSweepProcess.Run(Limit, ["watch", id, .. cluster.ClientArgs]);
        }
        while (watch.ExitCode == 3 && DateTime.UtcNow < deadline);

        Assert.True(watch.ExitCode == 0, $"{watch}\n{cluster.Logs()}");
        var results = AslSweepProcess.Run(Limit, ["results", id, "--out", folder, .. cluster.ClientArgs]);
        Assert.True(results.ExitCode == 0, results.ToString());
    }

    /// <summary>epochs.csv as (trial, epoch) → (train loss, val loss, val accuracy); duplicates fail.</summary>
    public static Dictionary<(int Trial, int Epoch), (double TrainLoss, double ValLoss, double ValAccuracy)> Curves(string folder)
    {
        var curves = new Dictionary<(int, int), (double, double, double)>();
        foreach (string line in File.ReadAllLines(Path.Combine(folder, "epochs.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            var key = (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture));
            Assert.True(curves.TryAdd(key, (D(f[3]), D(f[5]), D(f[6]))), $"epoch {key} reported twice");
        }

        return curves;
    }

    /// <summary>(trial, state, config) of report.csv, in trial order.</summary>
    public static List<string> TrialRows(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "report.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => $"{f[1]} {f[3]} {string.Join(',', f[11..])}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Every trial Completed with epochs 1..N exactly once and the same curves (floating-point tolerance) and configs as the undisturbed run.</summary>
    public static void AssertSameAsUndisturbed(string folder, string undisturbed)
    {
        var expected = Curves(undisturbed);
        var actual = Curves(folder);
        var keys = Enumerable.Range(1, Trials).SelectMany(t => Enumerable.Range(1, Epochs).Select(e => (t, e))).ToHashSet();
        Assert.Equal(keys, actual.Keys.ToHashSet());
        Assert.Equal(keys, expected.Keys.ToHashSet());
        foreach (var key in keys)
        {
            Assert.True(Math.Abs(expected[key].ValAccuracy - actual[key].ValAccuracy) < 1e-9, $"{key}: val_accuracy {actual[key].ValAccuracy} vs {expected[key].ValAccuracy} undisturbed");
            Assert.True(Math.Abs(expected[key].ValLoss - actual[key].ValLoss) < 1e-4, $"{key}: val_loss {actual[key].ValLoss} vs {expected[key].ValLoss} undisturbed");
            Assert.True(Math.Abs(expected[key].TrainLoss - actual[key].TrainLoss) < 1e-4, $"{key}: train_loss {actual[key].TrainLoss} vs {expected[key].TrainLoss} undisturbed");
        }

        var trials = TrialRows(folder);
        Assert.All(trials, t => Assert.Contains(" Completed ", t, StringComparison.Ordinal));
        Assert.Equal(TrialRows(undisturbed), trials);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
