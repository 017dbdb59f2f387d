using System.Text;
using AslSweep.Sweeps.Specs;

namespace AslSweep.Sweeps.Tests.Specs;

/// <summary>
/// Seeded mutations of valid specs (characters replaced, inserted, deleted, lines swapped or indented): the
/// reader must return a valid spec or throw <see cref="SpecFormatException"/> with located problems, never
/// anything else.
/// </summary>
public sealed class SweepSpecFuzzTests
{
    private const int Cases = 3000;

    private const string Valid = """
        name: fuzz
        data:
          synthetic: true
          train_per_class: 3
        metric: {name: val_accuracy, goal: maximize, last_k: 2}
        method: random
        num_samples: 4
        seed: 3
        scheduler:
          type: asha
          reduction_factor: 3
        parameters:
          learning_rate: {distribution: log_uniform, min: 0.0001, max: 0.01}
          dense_dropout:
            values: [0.2, 0.5]
          filters:
            value: [32, 32]
          epochs:
            value: 4
        """;

    [Fact]
    public void Read_mutatedSpec_givesSpecOrSpecFormatExceptionOnly()
    {
        var random = new Random(1127);
        int rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            string text = Mutate(Valid, random);
            try
            {
                SweepSpecReader.Read(text, "fuzz.yaml");
            }
            catch (SpecFormatException e)
            {
                rejected++;
                Assert.NotEmpty(e.Problems);
                Assert.All(e.Problems, p => Assert.StartsWith("fuzz.yaml", p, StringComparison.Ordinal));
            }
        }

        Assert.InRange(rejected, Cases / 4, Cases);
    }

    private static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        const string alphabet = ":-[]{},&*!|>#'\" \n\t0123456789.eaxz\u00e9";
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits && text.Length > 0; e++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12)));
                    break;
                case 3:
                    text.Insert(at, "  ");
                    break;
                default:
                    var lines = text.ToString().Split('\n');
                    int a = random.Next(lines.Length);
                    int b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = new StringBuilder(string.Join('\n', lines));
                    break;
            }
        }

        return text.ToString();
    }
}
