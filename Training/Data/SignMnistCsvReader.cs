using System.Text;

namespace AslSweep.Training.Data;

/// <summary>
/// Streams a Sign-MNIST CSV (<c>label,pixel1..pixel784</c>, with or without the Kaggle header, LF or CRLF)
/// into bytes. Every problem is reported with file, line and column; the first <see cref="MaxErrors"/> are
/// collected before the read gives up, so one run shows a person most of what to fix.
/// </summary>
public sealed class SignMnistCsvReader
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

    /// <summary>Mutable per-read state; lives only inside one <see cref="Read"/> call.</summary>
    private sealed class ParseState(string path, int maxErrors)
    {
        private byte[] _pixels = new byte[SignMnistClasses.Pixels * 1024];
        private int _lineNumber;

        public string Path { get; } = path;

        public List<DataError> Errors { get; } = [];

        public List<int> RawLabels { get; } = [];

        public List<int> RowLines { get; } = [];

        public int Rows => RawLabels.Count;

        public bool SawHeader { get; private set; }

        public bool Full => Errors.Count >= maxErrors;

        public void Error(int line, int column, string message)
        {
            if (!Full)
            {
                Errors.Add(new DataError(Path, line, column, message));
            }
        }

        public void LineTooLong(int limit)
        {
            _lineNumber++;
            Error(_lineNumber, 0, $"line longer than {limit} bytes (a Sign-MNIST row is at most about 3,200); skipped");
        }

        public int FirstLineWithLabel(int label)
        {
            int index = RawLabels.IndexOf(label);
            return index < 0 ? 0 : RowLines[index];
        }

        public byte[] TakePixels()
        {
            Array.Resize(ref _pixels, Rows * SignMnistClasses.Pixels);
            return _pixels;
        }

        public void Line(ReadOnlySpan<byte> line)
        {
            _lineNumber++;
            if (_lineNumber == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                Error(_lineNumber, 0, "empty line");
                return;
            }

            if (_lineNumber == 1 && !IsNumberStart(line[0]))
            {
                Header(line);
                return;
            }

            Row(line);
        }

        private static bool IsNumberStart(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)' ';

        private void Header(ReadOnlySpan<byte> line)
        {
            SawHeader = true;
            int column = 0;
            foreach (Range range in line.Split((byte)','))
            {
                column++;
                ReadOnlySpan<byte> field = line[range].Trim((byte)' ');
                string expected = column == 1 ? "label" : $"pixel{column - 1}";
                if (column > Fields || !Encoding.ASCII.GetString(field).Equals(expected, StringComparison.OrdinalIgnoreCase))
                {
                    Error(_lineNumber, column, $"header field '{Shorten(field)}' where '{(column > Fields ? "end of line" : expected)}' was expected (Kaggle header: label,pixel1,...,pixel784)");
                    return;
                }
            }

            if (column != Fields)
            {
                Error(_lineNumber, 0, $"header has {column} columns; expected {Fields} (label,pixel1,...,pixel784)");
            }
        }

        private void Row(ReadOnlySpan<byte> line)
        {
            int row = Rows;
            if (_pixels.Length < (row + 1) * SignMnistClasses.Pixels)
            {
                Array.Resize(ref _pixels, _pixels.Length * 2);
            }

            Span<byte> target = _pixels.AsSpan(row * SignMnistClasses.Pixels, SignMnistClasses.Pixels);
            int label = 0;
            int column = 0;
            int position = 0;
            while (true)
            {
                int comma = line[position..].IndexOf((byte)',');
                ReadOnlySpan<byte> field = comma < 0 ? line[position..] : line.Slice(position, comma);
                column++;
                if (column > Fields)
                {
                    Error(_lineNumber, 0, $"{CountFields(line)} columns; expected {Fields} (label and 784 pixels)");
                    return;
                }

                if (!TryParse(field, out int value))
                {
                    Error(_lineNumber, column, field.Trim((byte)' ').IsEmpty ? $"empty {Name(column)}" : $"'{Shorten(field)}' is not an integer ({Name(column)})");
                    return;
                }

                if (column == 1)
                {
                    if (value is < 0 or > 24)
                    {
                        Error(_lineNumber, column, $"label {value} is outside 0-24 (Sign-MNIST labels are 0-24 or 0-23)");
                        return;
                    }

                    label = value;
                }
                else if (value is < 0 or > 255)
                {
                    Error(_lineNumber, column, $"{Name(column)} = {value} is outside 0-255");
                    return;
                }
                else
                {
                    target[column - 2] = (byte)value;
                }

                if (comma < 0)
                {
                    break;
                }

                position += comma + 1;
            }

            if (column != Fields)
            {
                Error(_lineNumber, 0, $"{column} columns; expected {Fields} (label and 784 pixels){(column < Fields ? "; truncated line?" : "")}");
                return;
            }

            RawLabels.Add(label);
            RowLines.Add(_lineNumber);
        }

        private static string Name(int column) => column == 1 ? "label" : $"pixel{column - 1}";

        private static int CountFields(ReadOnlySpan<byte> line) => line.Count((byte)',') + 1;

        private static string Shorten(ReadOnlySpan<byte> field)
        {
            string text = Encoding.UTF8.GetString(field[..Math.Min(field.Length, 24)]);
            return field.Length > 24 ? text + "…" : text;
        }

        private static bool TryParse(ReadOnlySpan<byte> field, out int value)
        {
            field = field.Trim((byte)' ');
            value = 0;
            bool negative = false;
            if (!field.IsEmpty && (field[0] == (byte)'-' || field[0] == (byte)'+'))
            {
                negative = field[0] == (byte)'-';
                field = field[1..];
            }

            if (field.IsEmpty || field.Length > 9)
            {
                return false;
            }

            foreach (byte b in field)
            {
                uint digit = (uint)(b - '0');
                if (digit > 9)
                {
                    return false;
                }

                value = (value * 10) + (int)digit;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }
    }
}
