using System.Text;

namespace AslSweep.Training.Data;

/// <content>The state of one parse: rows so far, the pixels, the errors collected and the header seen.</content>
public sealed partial class SignMnistCsvReader
{
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
