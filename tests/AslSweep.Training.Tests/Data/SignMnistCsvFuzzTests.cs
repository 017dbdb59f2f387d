using AslSweep.Tests.Shared;
using AslSweep.Training.Data;

namespace AslSweep.Training.Tests.Data;

/// <summary>
/// Seeded mutations of a valid CSV (bytes flipped, inserted, deleted, lines cut or duplicated): the reader must
/// either read the file or throw <see cref="DataFormatException"/> with located errors, never anything else.
/// </summary>
public sealed class SignMnistCsvFuzzTests : IDisposable
{
    private const int Cases = 2000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_mutatedCsv_readsOrThrowsDataFormatExceptionOnly()
    {
        byte[] valid = System.Text.Encoding.ASCII.GetBytes(CsvBuilder.Header + "\n" + CsvBuilder.Row(3) + "\n" + CsvBuilder.Row(24) + "\n");
        var random = new Random(20261127);
        var reader = new SignMnistCsvReader();
        string path = _temp.File("fuzz.csv");
        int rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutated = Mutate(valid, random);
            File.WriteAllBytes(path, mutated);
            try
            {
                reader.Read(path);
            }
            catch (DataFormatException e)
            {
                rejected++;
                Assert.All(e.Errors, error => Assert.StartsWith(path, error.ToString(), StringComparison.Ordinal));
            }
        }

        // Most mutations break the file; some (a digit changed within range) do not.
        Assert.InRange(rejected, Cases / 2, Cases);
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        int edits = random.Next(1, 6);
        byte[] alphabet = "0123456789,-\n\r ax.\"\uFEFF"u8.ToArray();
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 40)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
