namespace AslSweep.Training.Data;

/// <summary>
/// The embedded default data set: deterministic, procedurally drawn "hand signs" for the 24 classes.
/// Each class is a fixed glyph (a palm and a class-specific set of fingers and thumb); each sample varies
/// pose, scale, finger angles, stroke width, brightness and noise. Training and validation come from
/// different signers: validation signers hold the hand more tilted, further off-centre and at another
/// size, the way real signers differ. A network that is not regularised fits the training signers and
/// its validation accuracy swings, which is the notebook's problem; augmentation covers the shift.
/// </summary>
public static class SyntheticSignMnist
{
    private const int AlphabetSeed = 0x51A1;

    private static readonly Glyph[] Alphabet = BuildAlphabet();

    private static readonly Signer[] TrainSigners =
    [
        new(RotationDeg: 0, ShiftX: 0, ShiftY: 0, Scale: 1.00, Width: 1.0, Background: 40, Ink: 200),
        new(RotationDeg: 3, ShiftX: 0.6, ShiftY: -0.5, Scale: 0.97, Width: 1.1, Background: 60, Ink: 215),
        new(RotationDeg: -3, ShiftX: -0.6, ShiftY: 0.4, Scale: 1.03, Width: 0.9, Background: 30, Ink: 185),
        new(RotationDeg: 1.5, ShiftX: 0.3, ShiftY: 0.6, Scale: 1.01, Width: 1.05, Background: 50, Ink: 225),
        new(RotationDeg: -1.5, ShiftX: -0.3, ShiftY: -0.6, Scale: 0.99, Width: 0.95, Background: 45, Ink: 195),
    ];

    private static readonly Signer[] ValidSigners =
    [
        new(RotationDeg: 9, ShiftX: 1.8, ShiftY: 1.2, Scale: 0.92, Width: 1.05, Background: 55, Ink: 220),
        new(RotationDeg: -8, ShiftX: -1.6, ShiftY: -1.3, Scale: 1.08, Width: 0.95, Background: 35, Ink: 190),
    ];

    /// <summary>Generates the training and validation sets.</summary>
    public static (SignMnistImages Train, SignMnistImages Valid) Generate(SyntheticSignMnistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string source = options.Describe();
        var train = Render(TrainSigners, options.TrainPerClass, options.Seed, $"{source} train");
        var valid = Render(ValidSigners, options.ValidPerClass, options.Seed ^ 0x7FFF_0000, $"{source} valid");
        return (train, valid);
    }

    private static SignMnistImages Render(Signer[] signers, int perClass, int seed, string source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        int count = perClass * SignMnistClasses.Count;
        var pixels = new byte[count * SignMnistClasses.Pixels];
        var labels = new byte[count];
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            // Interleave classes so that any prefix of the set is balanced.
            int cls = i % SignMnistClasses.Count;
            labels[i] = (byte)cls;
            Signer signer = signers[(i / SignMnistClasses.Count) % signers.Length];
            Draw(Alphabet[cls], signer, random, pixels.AsSpan(i * SignMnistClasses.Pixels, SignMnistClasses.Pixels));
        }

        return new SignMnistImages(pixels, labels, source, isSynthetic: true);
    }

    private static void Draw(Glyph glyph, Signer signer, Random random, Span<byte> image)
    {
        double angle = (signer.RotationDeg + Normal(random, 3.0)) * Math.PI / 180;
        double scale = signer.Scale * (1 + Normal(random, 0.035));
        double shiftX = signer.ShiftX + Normal(random, 0.7);
        double shiftY = signer.ShiftY + Normal(random, 0.7);
        double width = signer.Width * (1 + Normal(random, 0.08));
        double background = signer.Background + Normal(random, 8);
        double ink = signer.Ink + Normal(random, 10);
        double gradient = Normal(random, 1.2);

        // Fingers move a little from sample to sample (the same sign is never held identically).
        Span<Segment> segments = stackalloc Segment[glyph.Segments.Length];
        for (int s = 0; s < segments.Length; s++)
        {
            Segment g = glyph.Segments[s];
            double jitter = Normal(random, 0.12);
            double dx = g.X1 - g.X0;
            double dy = g.Y1 - g.Y0;
            double c = Math.Cos(jitter);
            double n = Math.Sin(jitter);
            segments[s] = g with { X1 = g.X0 + (dx * c) - (dy * n), Y1 = g.Y0 + (dx * n) + (dy * c), Width = g.Width * width };
        }

        double cos = Math.Cos(angle);
        double sin = Math.Sin(angle);
        const double centre = 13.5;
        for (int y = 0; y < SignMnistClasses.Side; y++)
        {
            for (int x = 0; x < SignMnistClasses.Side; x++)
            {
                // Inverse pose: image pixel -> glyph coordinates.
                double px = x - centre - shiftX;
                double py = y - centre - shiftY;
                double gx = (((cos * px) + (sin * py)) / scale) + centre;
                double gy = (((-sin * px) + (cos * py)) / scale) + centre;
                double coverage = glyph.Palm.Coverage(gx, gy);
                foreach (Segment segment in segments)
                {
                    coverage = Math.Max(coverage, segment.Coverage(gx, gy));
                }

                double value = background + (gradient * (y - centre)) + ((ink - background) * coverage) + Normal(random, 6);
                image[(y * SignMnistClasses.Side) + x] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }
    }

    private static Glyph[] BuildAlphabet()
    {
        var random = new Random(AlphabetSeed);
        var glyphs = new Glyph[SignMnistClasses.Count];
        for (int cls = 0; cls < glyphs.Length; cls++)
        {
            var palm = new Ellipse(13.5 + Uniform(random, -1.5, 1.5), 17 + Uniform(random, -1.5, 1.5), Uniform(random, 3.8, 6.0), Uniform(random, 3.2, 5.2));
            var segments = new List<Segment>();

            // Finger count and spread come from the class index so that neighbouring classes differ.
            int fingers = 1 + (cls % 5);
            double spread = Uniform(random, 0.25, 0.55);
            double lean = Uniform(random, -0.9, 0.9);
            for (int f = 0; f < fingers; f++)
            {
                double a = (-Math.PI / 2) + lean + ((f - ((fingers - 1) / 2.0)) * spread);
                double length = Uniform(random, 5.5, 11.5);
                bool bent = random.NextDouble() < 0.3;
                double bx = palm.X + (Math.Cos(a) * palm.Rx * 0.6);
                double by = palm.Y + (Math.Sin(a) * palm.Ry * 0.6);
                double ex = bx + (Math.Cos(a) * length);
                double ey = by + (Math.Sin(a) * length);
                segments.Add(new Segment(bx, by, ex, ey, Uniform(random, 0.9, 1.5)));
                if (bent)
                {
                    double b = a + (Math.PI * 0.6 * (random.NextDouble() < 0.5 ? -1 : 1));
                    segments.Add(new Segment(ex, ey, ex + (Math.Cos(b) * length * 0.5), ey + (Math.Sin(b) * length * 0.5), 1.0));
                }
            }

            if ((cls / 5) % 2 == 0)
            {
                double t = Uniform(random, -0.3, 0.6) + (cls % 2 == 0 ? 0 : Math.PI - 0.3);
                segments.Add(new Segment(palm.X, palm.Y, palm.X + (Math.Cos(t) * 8), palm.Y + (Math.Sin(t) * 6), 1.3));
            }

            glyphs[cls] = new Glyph(palm, [.. segments]);
        }

        return glyphs;
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    private static double Normal(Random random, double sigma)
    {
        // Box-Muller; 1 - NextDouble() avoids log(0).
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private readonly record struct Signer(double RotationDeg, double ShiftX, double ShiftY, double Scale, double Width, double Background, double Ink);

    private sealed record Glyph(Ellipse Palm, Segment[] Segments);

    private readonly record struct Ellipse(double X, double Y, double Rx, double Ry)
    {
        public double Coverage(double x, double y)
        {
            double dx = (x - X) / Rx;
            double dy = (y - Y) / Ry;
            double r = Math.Sqrt((dx * dx) + (dy * dy));

            // About one pixel of anti-aliased edge.
            return Math.Clamp((1 - r) * Math.Min(Rx, Ry) + 0.5, 0, 1);
        }
    }

    private readonly record struct Segment(double X0, double Y0, double X1, double Y1, double Width)
    {
        public double Coverage(double x, double y)
        {
            double vx = X1 - X0;
            double vy = Y1 - Y0;
            double t = Math.Clamp((((x - X0) * vx) + ((y - Y0) * vy)) / ((vx * vx) + (vy * vy) + 1e-9), 0, 1);
            double dx = x - (X0 + (t * vx));
            double dy = y - (Y0 + (t * vy));
            double distance = Math.Sqrt((dx * dx) + (dy * dy));
            return Math.Clamp(Width - distance + 0.5, 0, 1);
        }
    }
}
