using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AslSweep.Tests.Shared;
using SkiaSharp;

namespace AslSweep.Client.Tests.Commands;

/// <summary>
/// The report a sweep ends with (dev writes it; `report` writes the same): report.md whose numbers are
/// report.json's, real PNG plots, the scheduler's decisions, and a best model that `predict` can use.
/// </summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string AshaSpec() => _temp.Write("asha.yaml", """
        name: asha
        data:
          synthetic: true
          train_per_class: 6
          valid_per_class: 3
        metric:
          last_k: 2
        scheduler:
          type: asha
          grace_period: 1
          reduction_factor: 2
        include_baseline: false
        parameters:
          epochs:
            value: 4
          filters:
            value: [8, 8]
          dense_units:
            value: 32
          dense_dropout:
            values: [0.1, 0.5]
          seed:
            values: [1, 2, 3, 4]
        """);

    [Fact]
    public void Dev_ashaSweep_writesReportWhoseNumbersMatchJsonWithRealPlotsAndAUsableModel()
    {
        var dev = AslSweepProcess.Run(Limit, "dev", AshaSpec(), "--out", _temp.File("sweeps"));
        Assert.True(dev.ExitCode == 0, dev.ToString());
        string folder = Assert.Single(Directory.GetDirectories(_temp.File("sweeps"), "asha-*"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var report = json.RootElement.GetProperty("report");
        string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var line = Regex.Match(markdown, $@"(?m)^\| {row.GetProperty("rank").GetInt32()} \| {row.GetProperty("trialId").GetInt32()} \| (\w+) \| (\d+) \| ([-\d.]+) \| (\d+) \| ([-\d.]+) \| ([-\d.]+) \| ([-\d.]+) \| ([-\d.]+) \|");
            Assert.True(line.Success, $"no row for trial {row.GetProperty("trialId")} in report.md:\n{markdown}");
            Assert.Equal(row.GetProperty("state").GetString(), line.Groups[1].Value);
            Assert.Equal(row.GetProperty("epochs").GetInt32().ToString(CultureInfo.InvariantCulture), line.Groups[2].Value);
            Assert.Equal(F(row, "bestValAccuracy"), line.Groups[3].Value);
            Assert.Equal(F(row, "meanLastK"), line.Groups[6].Value);
            Assert.Equal(F(row, "stdLastK"), line.Groups[7].Value);
            Assert.Equal(F(row, "trainValGap"), line.Groups[8].Value);
        }

        // ASHA stopped trials, kept their curves and said why; the markdown lists each decision.
        var decisions = report.GetProperty("decisions").EnumerateArray().ToList();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Contains($"- trial {d.GetProperty("trialId").GetInt32()} after epoch {d.GetProperty("epoch").GetInt32()}: ASHA rung", markdown, StringComparison.Ordinal));
        Assert.Equal(decisions.Count, rows.Count(r => r.GetProperty("state").GetString() == "Stopped"));
        Assert.All(rows.Where(r => r.GetProperty("state").GetString() == "Stopped"), r => Assert.True(r.GetProperty("epochs").GetInt32() >= 1));

        int recommended = report.GetProperty("recommendedTrialId").GetInt32();
        Assert.True(recommended > 0);
        Assert.StartsWith($"trial {recommended} (", report.GetProperty("recommendation").GetString(), StringComparison.Ordinal);
        foreach (string plot in Regex.Matches(markdown, @"!\[[^\]]*\]\(([^)]+\.png)\)").Select(m => m.Groups[1].Value).Append("curves.png"))
        {
            AssertRealPicture(Path.Combine(folder, plot));
        }

        string model = Path.Combine(folder, "best-model");
        // The exported model says which BatchNorm statistics it carries: the view the run acted on (auto on tiny
        // data recomputes them).
        using (var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "model.json"))))
        {
            Assert.Equal("recomputed", description.RootElement.GetProperty("batchNormStatistics").GetString());
        }

        string image = WritePng(_temp.File("hand.png"));
        var predict = AslSweepProcess.Run(Limit, "predict", "--model", model, image);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Matches(@"hand\.png\s*│\s*[A-Y]\s*│\s*0\.\d{4}", predict.Output);
        Assert.Contains("SYNTHETIC", predict.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Predict_labelledSampleCsv_printsAccuracyOverEveryRow()
    {
        string sample = Path.Combine(RepoPaths.SampleData, "contiguous-labels.csv");
        Skip.IfNot(File.Exists(sample), $"{sample} is not here (real Sign-MNIST sample)");
        string run = _temp.File("run");
        var train = AslSweepProcess.Run(Limit, "train", "--epochs", "1", "--filters", "8,8", "--dense-units", "16", "--synthetic-train-per-class", "3", "--synthetic-valid-per-class", "1", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());

        var predict = AslSweepProcess.Run(Limit, "predict", "--model", run, sample, "--show", "2");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        int rows = File.ReadAllLines(sample).Length - 1;
        Assert.Matches($@"accuracy: [01]\.\d{{4}} \(\d+ of {rows}\)", predict.Output);
        Assert.Contains("row 2", predict.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3 ", predict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_missingModelOrUndecodableImage_locatedErrorExit2()
    {
        string bad = _temp.Write("bad.png", "not a png");

        var noModel = AslSweepProcess.Run(Limit, "predict", "--model", _temp.File("nowhere"), bad);
        var noImage = AslSweepProcess.Run(Limit, "predict", "--model", _temp.Path, "x.txt");

        Assert.Equal(2, noModel.ExitCode);
        Assert.Contains($"{_temp.File("nowhere")}: no such file", noModel.Output, StringComparison.Ordinal);
        Assert.Equal(2, noImage.ExitCode);
        Assert.Contains("x.txt: not an image", noImage.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", noModel.Output + noImage.Output, StringComparison.Ordinal);
    }

    private static string F(JsonElement row, string name) => row.GetProperty(name).GetDouble().ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A PNG of the report's size, not blank, with more than a few colours.</summary>
    private static void AssertRealPicture(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((1000, 600), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<uint>();
        int nonWhite = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            colours.Add((uint)pixel);
            nonWhite += pixel.Red < 250 || pixel.Green < 250 || pixel.Blue < 250 ? 1 : 0;
        }

        Assert.True(colours.Count > 10, $"{path}: only {colours.Count} colours");
        Assert.True(nonWhite > 5000, $"{path}: only {nonWhite} drawn pixels");
    }

    /// <summary>A 56x56 colour picture (a bright blob on a dark background), resized and made gray by predict.</summary>
    private static string WritePng(string path)
    {
        using var bitmap = new SKBitmap(56, 56);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 20, 60));
            using var paint = new SKPaint { Color = new SKColor(230, 200, 160) };
            canvas.DrawCircle(28, 30, 14, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
