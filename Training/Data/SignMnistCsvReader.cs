namespace AslSweep.Training.Data;

/// <summary>
/// Streams a Sign-MNIST CSV (<c>label,pixel1..pixel784</c>, with or without the Kaggle header, LF or CRLF)
/// into bytes. Every problem is reported with file, line and column; the first <see cref="MaxErrors"/> are
/// collected before the read gives up, so one run shows a person most of what to fix.
/// </summary>
public sealed partial class SignMnistCsvReader
{
    private const int Fields = SignMnistClasses.Pixels + 1;
    private const int MaxLineBytes = 16 * 1024;
    private const int ChunkBytes = 1 << 20;

    /// <summary>How many errors to collect before stopping.</summary>
    public int MaxErrors { get; init; } = 20;

    /// <summary>Largest file accepted, in bytes (a silo serving many users sets one).</summary>
    public long MaxBytes { get; init; } = long.MaxValue;

    /// <summary>Most image rows accepted.</summary>
    public int MaxRows { get; init; } = int.MaxValue;

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="DataFormatException"/> on any problem.</summary>
    public SignMnistCsv Read(string path, LabelConvention convention = LabelConvention.Auto)
    {
        if (Directory.Exists(path))
        {
            throw Single(path, "is a directory, not a CSV file");
        }

        if (!File.Exists(path))
        {
            throw Single(path, "file not found");
        }

        // Devices and pipes report no length: refusing empty files before opening also keeps a reader from
        // blocking on a FIFO or reading /dev/zero forever.
        long length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw Single(path, "file is empty (or not a regular file)");
        }

        if (length > MaxBytes)
        {
            throw Single(path, $"{length:N0} bytes is over the limit of {MaxBytes:N0}");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var state = new ParseState(path, MaxErrors);
        ReadLines(stream, state);
        if (state.Rows > MaxRows)
        {
            throw Single(path, $"{state.Rows:N0} rows is over the limit of {MaxRows:N0}");
        }

        return Finish(state, convention);
    }

    private static DataFormatException Single(string path, string message) =>
        new([new DataError(path, 0, 0, message)], truncated: false);

    private static void ReadLines(Stream stream, ParseState state)
    {
        byte[] buffer = new byte[ChunkBytes];
        int filled = 0;
        bool skippingLongLine = false;
        while (!state.Full)
        {
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            bool end = read == 0;
            filled += read;
            int start = 0;
            while (start < filled && !state.Full)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (newline < 0)
                {
                    break;
                }

                if (skippingLongLine)
                {
                    skippingLongLine = false;
                }
                else
                {
                    state.Line(buffer.AsSpan(start, newline - start));
                }

                start = newline + 1;
            }

            // Keep the incomplete tail for the next chunk.
            int tail = filled - start;
            if (end)
            {
                if (tail > 0 && !skippingLongLine && !state.Full)
                {
                    state.Line(buffer.AsSpan(start, tail));
                }

                break;
            }

            if (tail >= MaxLineBytes && !skippingLongLine)
            {
                state.LineTooLong(MaxLineBytes);
                skippingLongLine = true;
            }

            if (skippingLongLine)
            {
                tail = 0;
            }
            else
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, tail);
            }

            filled = tail;
        }
    }

    private static SignMnistCsv Finish(ParseState state, LabelConvention requested)
    {
        if (state.Errors.Count == 0 && state.Rows == 0)
        {
            state.Error(0, 0, state.SawHeader ? "header only: no data rows" : "file is empty");
        }

        var warnings = new List<string>();
        LabelConvention convention = requested;
        if (state.Errors.Count == 0 && requested == LabelConvention.Auto)
        {
            convention = Detect(state, warnings);
        }

        if (state.Errors.Count == 0)
        {
            for (int i = 0; i < state.Rows && !state.Full; i++)
            {
                int label = state.RawLabels[i];
                if (!SignMnistClasses.IsValid(label, convention))
                {
                    string hint = convention == LabelConvention.Kaggle ? " (9 would be J; is the file contiguous-labelled? try --labels contiguous)" : " (24 is Kaggle's Y; try --labels kaggle)";
                    state.Error(state.RowLines[i], 1, $"label {label} is not one of the {SignMnistClasses.Describe(convention)}{hint}");
                }
            }
        }

        if (state.Errors.Count > 0)
        {
            throw new DataFormatException(state.Errors, state.Full);
        }

        byte[] labels = new byte[state.Rows];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)SignMnistClasses.ToClassIndex(state.RawLabels[i], convention);
        }

        var images = new SignMnistImages(state.TakePixels(), labels, Path.GetFullPath(state.Path), isSynthetic: false);
        return new SignMnistCsv(images, convention, state.SawHeader, warnings);
    }

    private static LabelConvention Detect(ParseState state, List<string> warnings)
    {
        int line9 = state.FirstLineWithLabel(9);
        int line24 = state.FirstLineWithLabel(24);
        if (line9 > 0 && line24 > 0)
        {
            state.Error(0, 0, $"labels 9 (line {line9}) and 24 (line {line24}) both occur: Kaggle's numbering has no 9, the contiguous one no 24; fix the file or pass --labels");
            return LabelConvention.Auto;
        }

        if (line24 > 0)
        {
            return LabelConvention.Kaggle;
        }

        if (line9 > 0)
        {
            return LabelConvention.Contiguous;
        }

        warnings.Add($"{state.Path}: neither label 9 nor 24 occurs, so the label convention cannot be told; assuming Kaggle's (pass --labels to choose)");
        return LabelConvention.Kaggle;
    }
}
