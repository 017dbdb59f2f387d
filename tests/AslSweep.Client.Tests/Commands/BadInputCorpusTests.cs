using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Commands;

/// <summary>
/// tests/corpus: broken CSVs and specs, each run through the real aslsweep. Each must get its located,
/// human-readable error, exit code 2 and no stack trace; nothing may be trained or submitted.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private static readonly string Corpus = Path.Combine(RepoPaths.Root, "tests", "corpus");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Csvs => new()
    {
        { "wrong-column-count.csv", "wrong-column-count.csv:3: 784 columns; expected 785" },
        { "text-pixel.csv", "text-pixel.csv:2:102: 'abc' is not an integer (pixel101)" },
        { "negative-pixel.csv", "negative-pixel.csv:2:2: pixel1 = -5 is outside 0-255" },
        { "pixel-256.csv", "pixel-256.csv:2:12: pixel11 = 256 is outside 0-255" },
        { "float-pixel.csv", "float-pixel.csv:2:2: '0.5' is not an integer (pixel1)" },
        { "empty-lines.csv", "empty-lines.csv:3: empty line" },
        { "truncated-last-line.csv", "truncated-last-line.csv:3: 283 columns; expected 785 (label and 784 pixels); truncated line?" },
        { "labels-9-and-24.csv", "labels-9-and-24.csv: labels 9 (line 2) and 24 (line 3) both occur" },
        { "label-25.csv", "label-25.csv:2:1: label 25 is outside 0-24" },
        { "text-label.csv", "text-label.csv:2:1: 'A' is not an integer (label)" },
        { "header-only.csv", "header-only.csv: header only: no data rows" },
        { "empty.csv", "empty.csv: file is empty" },
        { "semicolons.csv", "semicolons.csv:1:1: header field 'label;pixel1;pixel2;pixe…' where 'label' was expected" },
    };

    public static TheoryData<string, string> Specs => new()
    {
        { "unknown-key.yaml", "unknown-key.yaml:2:1: methd: unknown key" },
        { "wrong-type.yaml", "wrong-type.yaml:2:17: max_concurrent: expected a whole number" },
        { "empty-list.yaml", "empty-list.yaml: parameters.dense_dropout.values: the list is empty" },
        { "dropout-one.yaml", "dropout-one.yaml: parameters.dense_dropout.value: 1 is outside [0, 1)" },
        { "zero-filters.yaml", "zero-filters.yaml: parameters.filters.value: 0 is outside [1, 4096]" },
        { "negative-epochs.yaml", "negative-epochs.yaml: parameters.epochs.value: -3 is outside [1, 10000]" },
        { "huge-grid.yaml", "huge-grid.yaml: parameters: the grid has 50,000 trials; at most 10,000 are allowed" },
        { "deep-nesting.yaml", "deep-nesting.yaml:2:22: nested deeper than 16 levels" },
        { "anchor-bomb.yaml", "anchor-bomb.yaml:3:10: YAML alias *a0: anchors and aliases are not allowed in specs" },
        { "not-a-mapping.yaml", "not-a-mapping.yaml: the spec must be a mapping of keys" },
        { "syntax-error.yaml", "syntax-error.yaml:3:1: While parsing a flow sequence" },
        { "bad-scheduler.yaml", "bad-scheduler.yaml:3:9: scheduler.type: 'hyperband' is not fifo, asha or median" },
        { "bad-distribution.yaml", "bad-distribution.yaml: parameters.learning_rate.min: -1 must be positive for log_uniform" },
    };

    [Theory]
    [MemberData(nameof(Csvs))]
    public void Train_brokenCsv_locatedErrorExit2NoStackTrace(string file, string expected)
    {
        string path = Path.Combine(Corpus, "csv", file);

        var result = AslSweepProcess.Run(Limit, "train", "--train", path, "--valid", path, "--epochs", "1", "--out", _temp.File("run"));

        AssertRefused(result, expected);
        Assert.False(File.Exists(_temp.File("run/model.bin")));
    }

    [Fact]
    public void Train_tenMegabyteSingleLine_locatedErrorExit2()
    {
        string path = _temp.File("one-line.csv");
        File.WriteAllText(path, "3," + string.Join(",", Enumerable.Repeat("255", 2_600_000)));

        var result = AslSweepProcess.Run(Limit, "train", "--train", path, "--valid", path, "--epochs", "1", "--out", _temp.File("run"));

        AssertRefused(result, "one-line.csv:1: line longer than");
    }

    [Fact]
    public void Train_labelsOfTheOtherConvention_locatedErrorExit2()
    {
        string path = _temp.File("kaggle.csv");
        File.WriteAllText(path, string.Join("\n", File.ReadAllLines(Path.Combine(Corpus, "csv", "pixel-256.csv"))[0], "24," + string.Join(",", Enumerable.Repeat("0", 784))) + "\n");

        var result = AslSweepProcess.Run(Limit, "train", "--train", path, "--valid", path, "--labels", "contiguous", "--epochs", "1", "--out", _temp.File("run"));

        AssertRefused(result, "kaggle.csv:2:1: label 24 is not one of the");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Submit_brokenSpec_locatedErrorExit2BeforeConnecting(string file, string expected)
    {
        // Nothing listens on the gateway: the spec must be refused before any connection is tried.
        var result = AslSweepProcess.Run(Limit, "submit", Path.Combine(Corpus, "specs", file), "--gateway", $"127.0.0.1:{FreePorts.Next()}");

        AssertRefused(result, expected);
        Assert.DoesNotContain("cannot reach a cluster", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_everyFile_isCoveredByATestCase()
    {
        var named = Csvs.Select(r => (string)r[0]).Concat(Specs.Select(r => (string)r[0])).ToHashSet();
        var files = Directory.GetFiles(Corpus, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();

        Assert.Equal(files.Order(), named.Order());
    }

    private static void AssertRefused(AslSweepProcess.Result result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
    }
}
