using AslSweep.Parameters;
using System.Text.Json;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly string[] Tiny = ["--epochs", "2", "--batch-size", "16", "--synthetic-train-per-class", "2", "--synthetic-valid-per-class", "1"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Train_syntheticDefault_writesLabelledMetricsAndWeights()
    {
        string run = _temp.File("run");

        var result = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--out", run]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SYNTHETIC", result.Output, StringComparison.Ordinal);
        Assert.Contains("Epoch 2/2 - ", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"val_accuracy: \d\.\d{4}", result.Output);
        Assert.Contains("BatchNorm statistics the run acts on: recomputed (auto: 3 batches per epoch, moving from 1375)", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);
        // Both BatchNorm views every epoch (issue 17): the moving averages' as val_*, the recomputed beside them.
        Assert.Matches(@"recomputed_val_accuracy: \d\.\d{4}", result.Output);
        Assert.EndsWith(",recomputed_val_loss,recomputed_val_accuracy,validation_images", File.ReadAllLines(Path.Combine(run, "metrics.csv"))[0], StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(run, "model.bin")).Length > 1_000_000);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.True(json.RootElement.GetProperty("synthetic").GetBoolean());
        Assert.Equal("Completed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("data").GetProperty("train").GetProperty("fingerprint").GetString()!.Length);
        Assert.Equal(2, json.RootElement.GetProperty("epochs").GetArrayLength());
        Assert.Equal("Recomputed", json.RootElement.GetProperty("batchNormStatisticsUsed").GetString());
    }

    [Fact]
    public void Train_bnStatsRecomputed_recordsItAndWritesTheModel()
    {
        string run = _temp.File("run");

        var result = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--bn-stats", "recomputed", "--out", run]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.Equal("Recomputed", json.RootElement.GetProperty("config").GetProperty("batchNormStatistics").GetString());
        Assert.Equal("Recomputed", json.RootElement.GetProperty("batchNormStatisticsUsed").GetString());
        Assert.Contains("BatchNorm statistics the run acts on: recomputed (chosen)", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "checkpoint", "current", "validated-model.bin")));
        Assert.True(File.Exists(Path.Combine(run, "model.bin")));
    }

    [Fact]
    public void Train_existingRunWithoutResume_isRefusedThenResumeContinues()
    {
        string run = _temp.File("run");
        Assert.Equal(0, AslSweepProcess.Run(Limit, ["train", .. Tiny, "--out", run]).ExitCode);

        var again = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--out", run]);
        var resumed = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--out", run, "--resume"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Output, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);
    }

    [SkippableTheory]
    [InlineData("kaggle-labels-train.csv", "kaggle-labels-test.csv", "Labels: Kaggle")]
    [InlineData("contiguous-labels.csv", "kaggle-labels-test.csv", "Labels: Contiguous")]
    public void Train_realSample_detectsLabelConvention(string train, string valid, string expected)
    {
        Skip.IfNot(RepoPaths.HasSampleData, "shared Sign-MNIST sample not present");

        var result = AslSweepProcess.Run(Limit, "train", "--train", RepoPaths.Sample(train), "--valid", RepoPaths.Sample(valid), "--epochs", "1", "--out", _temp.File("run"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SYNTHETIC", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_malformedCsv_printsLocatedErrorsAndExits2()
    {
        string header = "label," + string.Join(",", Enumerable.Range(1, 784).Select(i => $"pixel{i}"));
        string good = "3," + string.Join(",", Enumerable.Repeat("0", 784));
        string bad = _temp.Write("bad.csv", $"{header}\n{good}\n3,{string.Join(",", Enumerable.Repeat("0", 783))},300\n7,1,2\n");
        string valid = _temp.Write("valid.csv", $"{header}\n{good}\n");

        var result = AslSweepProcess.Run(Limit, "train", "--train", bad, "--valid", valid, "--out", _temp.File("run"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{bad}:3:785: pixel784 = 300 is outside 0-255", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{bad}:4: 3 columns; expected 785", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_missingValidFile_namesIt()
    {
        string missing = _temp.File("missing.csv");

        var result = AslSweepProcess.Run(Limit, "train", "--train", missing, "--valid", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{missing}: file not found", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--conv-dropout", "1.5", "--conv-dropout: 1.5 is outside [0, 1)")]
    [InlineData("--epochs", "0", "--epochs: 0 is outside [1, 10000]")]
    [InlineData("--device", "tpu", "--device: device 'tpu': expected cpu or cuda:N")]
    [InlineData("--labels", "ascii", "ascii")]
    [InlineData("--bn-stats", "update", "update")]
    public void Train_badOption_namesOptionAndExitsNonZero(string option, string value, string expected)
    {
        var result = AslSweepProcess.Run(Limit, "train", option, value, "--out", _temp.File("run"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("train")]
    public void Help_everyVerb_printsWithoutError(string verb)
    {
        var result = AslSweepProcess.Run(Limit, verb, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("OPTIONS:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Train_oldLrScheduleSpelling_warnsNamingTheOneSpellingAndTrains()
    {
        var result = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--epochs", "1", "--lr-schedule", "reduceonplateau", "--out", _temp.File("run")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: --lr-schedule: 'reduceonplateau' is an old spelling; write reduce_on_plateau", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_unknownOptimizerAndEvenKernel_namesBothOptionsAndExits2()
    {
        var result = AslSweepProcess.Run(Limit, ["train", .. Tiny, "--optimizer", "adagrad", "--filters", "8,x", "--out", _temp.File("run")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--optimizer: 'adagrad' is not one of rmsprop, adam, sgd", result.Output, StringComparison.Ordinal);
        Assert.Contains("--filters: '8,x' is not a list of whole numbers (e.g. 75,50,25)", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("run")));
    }

    // The CLI's options are attributes (constants); this holds each to its hyperparameter's definition.
    [Fact]
    public void Train_help_showsEveryHyperparameterWithItsDefaultAndChoices()
    {
        var result = AslSweepProcess.Run(Limit, "train", "--help");

        Assert.Equal(0, result.ExitCode);
        string help = string.Join(' ', result.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var parameter in Hyperparameters.All)
        {
            Assert.Contains(parameter.Option, help, StringComparison.Ordinal);
            foreach (string choice in parameter.Choices)
            {
                Assert.Contains(choice, help, StringComparison.Ordinal);
            }
        }

        Assert.Contains($"--dense-dropout <RATE> {HyperparameterDefaults.DenseDropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}", help, StringComparison.Ordinal);
        Assert.Contains($"--epochs <N> {HyperparameterDefaults.Epochs}", help, StringComparison.Ordinal);
        Assert.Contains($"--filters <LIST> {HyperparameterDefaults.FiltersText}", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_help_listsTrainerOptions()
    {
        var result = AslSweepProcess.Run(Limit, "train", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "--train", "--valid", "--labels", "--epochs", "--batch-size", "--seed", "--out", "--augment", "--lr-schedule", "--bn-stats", "--early-stopping" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }
}
