using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Tests.Analysis;

/// <summary>PED-ANOVA importances on hand-made trials whose answers are known.</summary>
public sealed class PedAnovaTests
{
    /// <summary>A trial from "name=value name=value" and its score.</summary>
    private static (IReadOnlyDictionary<string, string> Values, double Score) T(double score, string values) =>
        (values.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]), score);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static ParameterImportance Row(IEnumerable<ParameterImportance> rows, string parameter) =>
        rows.Single(r => r.Parameter == parameter);

    // Scores 4, 3, 2, 1: the top two (k = max(ceil(0.1 * 4), 2) = 2) are the first two.
    private static readonly (IReadOnlyDictionary<string, string> Values, double Score)[] Tiny =
    [
        T(4, "optimizer=adam batch=16"),
        T(3, "optimizer=adam batch=32"),
        T(2, "optimizer=sgd batch=16"),
        T(1, "optimizer=sgd batch=64"),
    ];

    [Fact]
    public void Of_parameterThatDeterminesTheScore_getsAllTheImportanceAndABalancedOneNone()
    {
        // 16 trials: adam (every 4th) scores above the rest, so the top two (ceil(1.6) = 2) are adam; schedule is
        // cosine for one of them and step for the other, and 8 / 8 over all, so its two distributions agree.
        string[] optimizers = ["adam", "sgd", "rmsprop", "sgd"];
        var trials = Enumerable.Range(0, 16)
            .Select(i => T((i % 4 == 0 ? 1.0 : 0.5) - (i * 0.01), $"optimizer={optimizers[i % 4]} schedule={(i % 8 < 4 ? "cosine" : "step")}"))
            .ToList();

        var rows = PedAnova.Of(trials);

        Assert.Equal(["optimizer", "schedule"], rows.Select(r => r.Parameter));
        Assert.Equal(1.0, rows[0].Importance, 12);
        Assert.Equal(0.0, rows[1].Importance, 12);
        Assert.Equal(0.0, rows[1].Divergence, 12);
        Assert.True(rows[0].Divergence > 1);
        Assert.All(rows, r => Assert.Equal((16, 2), (r.Trials, r.TopTrials)));
    }

    [Fact]
    public void Of_tinyCategoricalCase_matchesTheHandComputedDivergence()
    {
        // p(c) = (count + 1/K) / (N + 1). optimizer, K = 2: top adam (2 + 1/2)/3 = 5/6, sgd 1/6; all 1/2 and 1/2.
        // D = (5/6 - 1/2)^2 / (1/2) + (1/6 - 1/2)^2 / (1/2) = 2/9 + 2/9 = 4/9.
        // batch has 3 distinct numbers, too few for a density: categorical, K = 3. Top 16 and 32: (1 + 1/3)/3 = 4/9
        // each, 64 (1/3)/3 = 1/9; all 16 (2 + 1/3)/5 = 7/15, 32 and 64 (1 + 1/3)/5 = 4/15.
        // D = (4/9 - 7/15)^2 / (7/15) + (4/9 - 4/15)^2 / (4/15) + (1/9 - 4/15)^2 / (4/15)
        //   = 1/945 + 16/135 + 49/540 = (4 + 448 + 343) / 3780 = 53/252.
        // Importance: (4/9) / (4/9 + 53/252) = 112/165, and 53/165.
        var rows = PedAnova.Of(Tiny);

        Assert.Equal(["optimizer", "batch"], rows.Select(r => r.Parameter));
        Assert.Equal(4.0 / 9, rows[0].Divergence, 12);
        Assert.Equal(53.0 / 252, rows[1].Divergence, 12);
        Assert.Equal(112.0 / 165, rows[0].Importance, 12);
        Assert.Equal(53.0 / 165, rows[1].Importance, 12);
        Assert.All(rows, r => Assert.Equal((4, 2), (r.Trials, r.TopTrials)));
    }

    [Fact]
    public void Of_learningRateBestInANarrowBand_ranksAboveANoiseParameter()
    {
        // lr log-spaced over 1e-5..1e-1, best near 1e-3; dropout a permutation of 0..0.475 unrelated to the score.
        var trials = Enumerable.Range(0, 20)
            .Select(i => T(-Math.Abs(-5 + (4.0 * i / 19) + 3), $"lr={Text(Math.Pow(10, -5 + (4.0 * i / 19)))} dropout={Text(i * 7 % 20 * 0.025)}"))
            .ToList();

        var rows = PedAnova.Of(trials);

        Assert.Equal(["lr", "dropout"], rows.Select(r => r.Parameter));
        Assert.True(rows[0].Importance > 0.9, $"lr {rows[0].Importance}");
        Assert.True(rows[0].Divergence > 10 * rows[1].Divergence, $"lr {rows[0].Divergence}, dropout {rows[1].Divergence}");
    }

    [Fact]
    public void Of_valuesSpanningDecades_areMeasuredOnALogScale()
    {
        // lr = 10^exponent. On a log scale lr is an affine image of exponent (negative, so linear), and the
        // estimator is affine-equivariant (bandwidths, prior and grid scale with the range): equal divergences.
        // On lr's own scale the values crowd near 0 and the divergence differs.
        double[] exponents = [-5, -4.5, -4, -3.7, -3.5, -3.2, -3, -2.5, -2, -1.5, -1];
        var trials = exponents
            .Select((e, i) => T(-Math.Abs(e + 3.4) + (i % 2 * 0.01), $"lr={Text(Math.Pow(10, e))} exponent={Text(e)}"))
            .ToList();

        var rows = PedAnova.Of(trials);

        Assert.True(Row(rows, "lr").Divergence > 0.1);
        Assert.Equal(Row(rows, "exponent").Divergence, Row(rows, "lr").Divergence, 9);
    }

    [Fact]
    public void Of_seed_neverGetsARow()
    {
        // The seed alone decides the score here; it is still not a hyperparameter.
        var trials = Enumerable.Range(0, 10).Select(i => T(i, $"seed={i} width={(i % 3 == 0 ? "wide" : "narrow")}")).ToList();

        var rows = PedAnova.Of(trials);

        Assert.Equal(["width"], rows.Select(r => r.Parameter));
        Assert.Equal(1.0, rows[0].Importance, 12);
    }

    [Fact]
    public void Of_constantParameters_getNoRow()
    {
        var trials = Enumerable.Range(0, 10).Select(i => T(i, $"epochs=12 schedule=cosine optimizer={(i % 2 == 0 ? "adam" : "sgd")}")).ToList();

        var rows = PedAnova.Of(trials);

        Assert.Equal(["optimizer"], rows.Select(r => r.Parameter));
    }

    [Fact]
    public void Of_tooFewFiniteTrials_isEmpty()
    {
        Assert.Empty(PedAnova.Of(Tiny[..2]));
        Assert.Empty(PedAnova.Of([.. Tiny[..2], T(double.NaN, "optimizer=sgd batch=64")]));
        Assert.Empty(PedAnova.Of(Tiny[..3], minTopTrials: 4));
        Assert.NotEmpty(PedAnova.Of(Tiny[..3]));
    }

    [Fact]
    public void Of_noVaryingParameter_isEmpty()
    {
        Assert.Empty(PedAnova.Of([T(3, "seed=1 epochs=12"), T(2, "seed=2 epochs=12"), T(1, "seed=3 epochs=12")]));
    }

    [Fact]
    public void Of_nonFiniteScores_areLeftOut()
    {
        // Counted, the +infinity trial would be the best, and lion a value of optimizer.
        var withNonFinite = new[]
        {
            T(double.PositiveInfinity, "optimizer=lion batch=128"),
            Tiny[0],
            T(double.NaN, "optimizer=lion batch=128"),
            Tiny[1],
            Tiny[2],
            T(double.NegativeInfinity, "optimizer=sgd batch=16"),
            Tiny[3],
        };

        Assert.Equal<ParameterImportance>(PedAnova.Of(Tiny), PedAnova.Of(withNonFinite));
    }

    [Fact]
    public void Of_tiesAtTheCut_goToTheTrialGivenFirst()
    {
        // Ten equal scores: the top two are the first two (both adam), not all ten tied at the cut.
        // K = 3: top adam (2 + 1/3)/3 = 7/9, sgd and rmsprop 1/9; all adam (2 + 1/3)/11 = 7/33, the others 13/33.
        // D = (7/9 - 7/33)^2 / (7/33) + 2 (1/9 - 13/33)^2 / (13/33) = 224/117.
        string[] optimizers = ["adam", "adam", "sgd", "rmsprop", "sgd", "rmsprop", "sgd", "rmsprop", "sgd", "rmsprop"];
        var tied = optimizers.Select(o => T(0, $"optimizer={o}")).ToList();

        var row = Assert.Single(PedAnova.Of(tied));

        Assert.Equal(2, row.TopTrials);
        Assert.Equal(224.0 / 117, row.Divergence, 12);
    }

    [Fact]
    public void Of_parameterSetByOnlySomeTrials_isWeightedByItsShareOfTheTopAndOfAllTrials()
    {
        // beta2 is set by trials 1 (top) and 3: D = 2 (3/4 - 1/2)^2 / (1/2) = 1/4 over those two; weight
        // alpha^2 / beta * D with alpha = 1/2 of the top, beta = 2/4 of the trials: 1/8. optimizer's 4/9 as above.
        // Importance (1/8) / (1/8 + 4/9) = 9/41.
        var trials = new[]
        {
            T(4, "optimizer=adam beta2=0.999"),
            T(3, "optimizer=adam"),
            T(2, "optimizer=sgd beta2=0.99"),
            T(1, "optimizer=sgd"),
        };

        var beta2 = Row(PedAnova.Of(trials), "beta2");

        Assert.Equal((2, 1), (beta2.Trials, beta2.TopTrials));
        Assert.Equal(0.25, beta2.Divergence, 12);
        Assert.Equal(9.0 / 41, beta2.Importance, 12);
    }

    [Fact]
    public void Of_sameTrialsTwice_givesTheSameRowsOrderedByImportanceAddingToOne()
    {
        string[] filters = ["75,50,25", "64,32", "32,16,8", "64,32"];
        var trials = Enumerable.Range(0, 30)
            .Select(i => T(Math.Sin(i * 1.7) + (i % 4 == 1 ? 1 : 0), $"lr={Text(Math.Pow(10, -4 + (i % 7 * 0.5)))} filters={filters[i % 4]} dropout={Text(i % 5 * 0.1)}"))
            .ToList();
        // The same trials with each dictionary built in the opposite key order.
        var reordered = trials.Select(t => ((IReadOnlyDictionary<string, string>)t.Values.Reverse().ToDictionary(), t.Score)).ToList();

        var rows = PedAnova.Of(trials);

        Assert.Equal(3, rows.Length);
        Assert.Equal<ParameterImportance>(rows, PedAnova.Of(trials));
        Assert.Equal<ParameterImportance>(rows, PedAnova.Of(reordered));
        Assert.Equal(1.0, rows.Sum(r => r.Importance), 12);
        Assert.All(rows.Zip(rows.Skip(1)), p => Assert.True(p.First.Importance >= p.Second.Importance));
        Assert.All(rows, r => Assert.Equal((30, 3), (r.Trials, r.TopTrials)));
        // "64,32" trials get +1; the top three (ceil(3.0)) all hold it.
        Assert.Equal("filters", rows[0].Parameter);
    }
}
