using System.Globalization;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// The sweeps the fault tests run, and how their results are read and compared. Without a scheduler: 3 seeds of a
/// small CNN on synthetic data, side by side. With ASHA: 3 learning rates one after another (max_concurrent 1), so
/// every trial reaches the rung at epoch 3 in the same order and the stop decisions are the same in every run.
/// </summary>
public static class FaultSweep
{
    public const int Trials = 3;
    public const int Epochs = 8;
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>The schedulers every fault is run with.</summary>
    public static readonly IReadOnlyList<string> SchedulerTypes = ["none", "asha"];

    /// <summary><see cref="SchedulerTypes"/> as theory data.</summary>
    public static TheoryData<string> Schedulers => [.. SchedulerTypes];

    public static string Spec(TempFolder temp, string scheduler = "none")
    {
        ArgumentNullException.ThrowIfNull(temp);
        // What differs: the scheduler, how many trials run at once, and the parameter the trials vary.
        var (name, schedule, varied) = scheduler switch
        {
            "asha" => ("faults-asha", "max_concurrent: 1\nscheduler:\n  type: asha\n  grace_period: 3\n  reduction_factor: 2", "learning_rate:\n    values: [0.001, 0.0003, 0.000001]"),
            _ => ("faults", $"max_concurrent: {Trials}", "seed:\n    values: [1, 2, 3]"),
        };
        return temp.Write($"{name}.yaml", $"""
            name: {name}
            data:
              synthetic: true
              train_per_class: 24
              valid_per_class: 5
            metric:
              last_k: 2
            include_baseline: false
            {schedule}
            parameters:
              epochs:
                value: {Epochs}
              filters:
                value: [32, 32]
              dense_units:
                value: 64
              {varied}
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

    /// <summary>
    /// epochs.csv as (trial, epoch) → (train loss, val loss, val accuracy); a row listed twice fails (the file is
    /// written from the coordinator's merged curves, so this holds the export, not the coordinator's bookkeeping).
    /// </summary>
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

    /// <summary>
    /// Every trial ended as in the undisturbed run (Completed, or Stopped by the scheduler at the same epoch) with
    /// its epochs 1..n exactly once and the same curves (floating-point tolerance) and configs.
    /// </summary>
    public static void AssertSameAsUndisturbed(string folder, string undisturbed)
    {
        var expected = Curves(undisturbed);
        var actual = Curves(folder);
        Assert.Equal(Enumerable.Range(1, Trials).ToHashSet(), expected.Keys.Select(k => k.Trial).ToHashSet());
        foreach (var trial in expected.Keys.GroupBy(k => k.Trial))
        {
            Assert.Equal(Enumerable.Range(1, trial.Count()), trial.Select(k => k.Epoch).Order());
        }

        Assert.Equal(expected.Keys.ToHashSet(), actual.Keys.ToHashSet());
        foreach (var key in expected.Keys)
        {
            Assert.True(Math.Abs(expected[key].ValAccuracy - actual[key].ValAccuracy) < 1e-9, $"{key}: val_accuracy {actual[key].ValAccuracy} vs {expected[key].ValAccuracy} undisturbed");
            Assert.True(Math.Abs(expected[key].ValLoss - actual[key].ValLoss) < 1e-4, $"{key}: val_loss {actual[key].ValLoss} vs {expected[key].ValLoss} undisturbed");
            Assert.True(Math.Abs(expected[key].TrainLoss - actual[key].TrainLoss) < 1e-4, $"{key}: train_loss {actual[key].TrainLoss} vs {expected[key].TrainLoss} undisturbed");
        }

        var trials = TrialRows(folder);
        Assert.All(trials, t => Assert.Matches(" (Completed|Stopped) ", t));
        Assert.Equal(TrialRows(undisturbed), trials);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
