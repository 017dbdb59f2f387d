using AslSweep.Tests.Shared;
using AslSweep.Training.Data;

namespace AslSweep.Training.Tests.Data;

public sealed class SignMnistCsvReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SignMnistCsvReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_kaggleHeaderAndLf_parsesPixelsAndMapsLabels()
    {
        string path = _temp.Write("a.csv", CsvBuilder.File([0, 24, 10]));

        var csv = _reader.Read(path);

        Assert.True(csv.HadHeader);
        Assert.Equal(LabelConvention.Kaggle, csv.Convention);
        Assert.Equal(3, csv.Images.Count);
        Assert.Equal([0, 23, 9], csv.Images.Labels.ToArray());
        Assert.Equal((5 * 7 + 24 * 13) % 256, csv.Images.Image(1)[5]);
    }

    [Fact]
    public void Read_headerlessCrlf_givesSameFingerprintAsHeaderLf()
    {
        string lf = _temp.Write("lf.csv", CsvBuilder.File([1, 24, 3], header: true, newline: "\n"));
        string crlf = _temp.Write("crlf.csv", CsvBuilder.File([1, 24, 3], header: false, newline: "\r\n"));

        var a = _reader.Read(lf);
        var b = _reader.Read(crlf);

        Assert.False(b.HadHeader);
        Assert.Equal(a.Images.Fingerprint, b.Images.Fingerprint);
    }

    [Fact]
    public void Read_sameImagesInBothConventions_giveSameFingerprint()
    {
        // Kaggle 10 (K) is contiguous 9; a 24 (Y, Kaggle) is contiguous 23.
        string kaggle = _temp.Write("k.csv", CsvBuilder.File([10, 24]).Replace("\n24,", "\n24,"));
        string contiguous = _temp.Write("c.csv", CsvBuilder.File([9, 23]));
        var k = _reader.Read(kaggle);
        var c = _reader.Read(contiguous, LabelConvention.Contiguous);

        Assert.Equal(k.Images.Labels.ToArray(), c.Images.Labels.ToArray());
    }

    [Fact]
    public void Read_label9_detectsContiguous()
    {
        string path = _temp.Write("c.csv", CsvBuilder.File([9, 23, 0]));

        var csv = _reader.Read(path);

        Assert.Equal(LabelConvention.Contiguous, csv.Convention);
        Assert.Equal([9, 23, 0], csv.Images.Labels.ToArray());
        Assert.Empty(csv.Warnings);
    }

    [Fact]
    public void Read_neither9Nor24_fallsBackToKaggleWithWarning()
    {
        string path = _temp.Write("n.csv", CsvBuilder.File([1, 2, 3]));

        var csv = _reader.Read(path);

        Assert.Equal(LabelConvention.Kaggle, csv.Convention);
        Assert.Contains(csv.Warnings, w => w.Contains("assuming Kaggle", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_both9And24_isErrorNamingBothLines()
    {
        string path = _temp.Write("b.csv", CsvBuilder.File([1, 9, 24]));

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        Assert.Contains("labels 9 (line 3) and 24 (line 4)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_explicitKaggleWithLabel9_isLocatedError()
    {
        string path = _temp.Write("k9.csv", CsvBuilder.File([1, 9]));

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path, LabelConvention.Kaggle));

        var error = Assert.Single(e.Errors);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("--labels contiguous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_explicitContiguousWithLabel24_isLocatedError()
    {
        string path = _temp.Write("c24.csv", CsvBuilder.File([1, 24]));

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path, LabelConvention.Contiguous));

        Assert.Equal(3, Assert.Single(e.Errors).Line);
    }

    [Fact]
    public void Read_badRows_reportsEveryErrorWithLineAndColumn()
    {
        var lines = new List<string>
        {
            CsvBuilder.Header,
            CsvBuilder.Row(1),
            CsvBuilder.Row(2) + ",7",                                      // line 3: 786 columns
            CsvBuilder.Row(3, i => i == 4 ? 256 : 0),                      // line 4: pixel5 = 256 -> column 6
            CsvBuilder.Row(4, _ => 0).Replace("4,0,", "4,x1,", StringComparison.Ordinal), // line 5: column 2 not an integer
            CsvBuilder.Row(3, i => i == 0 ? -1 : 0),                       // line 6: negative pixel1
            "30," + string.Join(",", Enumerable.Repeat("0", 784)),         // line 7: label out of range
            string.Join(",", Enumerable.Repeat("1", 100)),                 // line 8: truncated
        };
        string path = _temp.Write("bad.csv", string.Join("\n", lines) + "\n");

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        var located = e.Errors.Select(x => (x.Line, x.Column)).ToList();
        Assert.Equal([(3, 0), (4, 6), (5, 2), (6, 2), (7, 1), (8, 0)], located);
        Assert.All(e.Errors, x => Assert.Equal(path, x.File));
        Assert.StartsWith($"{path}:4:6: pixel5 = 256 is outside 0-255", e.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("'x1' is not an integer", e.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_manyBadRows_stopsAtMaxErrors()
    {
        string path = _temp.Write("many.csv", string.Join("\n", Enumerable.Repeat("1,2,3", 50)));

        var e = Assert.Throws<DataFormatException>(() => new SignMnistCsvReader { MaxErrors = 5 }.Read(path));

        Assert.Equal(5, e.Errors.Count);
        Assert.True(e.Truncated);
    }

    [Theory]
    [InlineData("", "file is empty")]
    [InlineData("HEADER", "header only")]
    public void Read_noRows_isError(string content, string expected)
    {
        string path = _temp.Write("empty.csv", content == "HEADER" ? CsvBuilder.Header + "\n" : content);

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_missingFile_isErrorNamingIt()
    {
        string path = _temp.File("nope.csv");

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Fact]
    public void Read_blankLineInTheMiddle_isLocatedError()
    {
        string path = _temp.Write("blank.csv", CsvBuilder.Header + "\n" + CsvBuilder.Row(1) + "\n\n" + CsvBuilder.Row(24) + "\n");

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        Assert.Equal((3, "empty line"), (e.Errors[0].Line, e.Errors[0].Message));
    }

    [Fact]
    public void Read_bomAndMissingFinalNewline_parses()
    {
        string path = _temp.Write("bom.csv", "\uFEFF" + CsvBuilder.File([24, 2]).TrimEnd('\n'));

        var csv = _reader.Read(path);

        Assert.Equal(2, csv.Images.Count);
    }

    [Fact]
    public void Read_hugeSingleLine_isReportedNotBuffered()
    {
        string path = _temp.File("huge.csv");
        File.WriteAllText(path, new string('1', 3_000_000) + "\n" + CsvBuilder.Row(24) + "\n");

        var e = Assert.Throws<DataFormatException>(() => _reader.Read(path));

        Assert.Contains("line longer than", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("kaggle-labels-train.csv", LabelConvention.Kaggle, 188)]
    [InlineData("contiguous-labels.csv", LabelConvention.Contiguous, 120)]
    public void Read_realSample_detectsItsConvention(string file, LabelConvention expected, int rows)
    {
        Skip.IfNot(RepoPaths.HasSampleData, "shared Sign-MNIST sample not present");

        var csv = _reader.Read(RepoPaths.Sample(file));

        Assert.Equal(expected, csv.Convention);
        Assert.Equal(rows, csv.Images.Count);
        Assert.Empty(csv.Warnings);
    }

    [SkippableFact]
    public void Load_realKaggleTestFileWithoutTellingLabels_usesTrainingFilesConvention()
    {
        Skip.IfNot(RepoPaths.HasSampleData, "shared Sign-MNIST sample not present");

        var data = TrainingData.Load(RepoPaths.Sample("kaggle-labels-train.csv"), RepoPaths.Sample("kaggle-labels-test.csv"), LabelConvention.Auto, new SyntheticSignMnistOptions());

        Assert.Equal(LabelConvention.Kaggle, data.Convention);
        Assert.Equal(11, data.Valid.Count);
        Assert.Empty(data.Warnings);
        Assert.False(data.IsSynthetic);
    }

    [Fact]
    public void Load_onlyOneFile_isError()
    {
        var e = Assert.Throws<DataFormatException>(() => TrainingData.Load("train.csv", null, LabelConvention.Auto, new SyntheticSignMnistOptions()));

        Assert.Contains("--train and --valid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_bothFilesBad_reportsErrorsOfBoth()
    {
        string a = _temp.Write("a.csv", "1,2\n");
        string b = _temp.Write("b.csv", "");

        var e = Assert.Throws<DataFormatException>(() => TrainingData.Load(a, b, LabelConvention.Auto, new SyntheticSignMnistOptions()));

        Assert.Equal([a, b], e.Errors.Select(x => x.File).ToArray());
    }
}
