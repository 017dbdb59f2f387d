using System.Globalization;
using AslSweep.Contracts;
using AslSweep.Sweeps.Search;
using AslSweep.Sweeps.Specs;

namespace AslSweep.Sweeps.Tests.Search;

public sealed class SearcherTests
{
    private static SweepSpec Spec(string text) => SweepSpecReader.Read(text, "t.yaml");

    [Fact]
    public void Grid_twoByTwo_givesEveryCombinationLastFastest()
    {
        var spec = Spec("name: g\nparameters:\n  conv_dropout:\n    values: [0.1, 0.3]\n  batch_size:\n    values: [16, 64]\n");

        var configs = new GridSearcher().Propose(SearchSpace.From(spec), TrialPlanner.Baseline);

        Assert.Equal([(0.1, 16), (0.1, 64), (0.3, 16), (0.3, 64)], configs.Select(c => (c.ConvDropout, c.BatchSize)).ToArray());
    }

    [Fact]
    public void Random_sameSeed_sameTrials_otherSeed_otherTrials()
    {
        const string text = "name: r\nmethod: random\nnum_samples: 6\nseed: {0}\nparameters:\n  learning_rate:\n    distribution: log_uniform\n    min: 0.0001\n    max: 0.01\n  dense_units:\n    distribution: int_uniform\n    min: 16\n    max: 64\n  optimizer:\n    values: [adam, sgd]\n";
        var a = TrialPlanner.Plan(Spec(string.Format(CultureInfo.InvariantCulture, text, 1)));
        var b = TrialPlanner.Plan(Spec(string.Format(CultureInfo.InvariantCulture, text, 1)));
        var c = TrialPlanner.Plan(Spec(string.Format(CultureInfo.InvariantCulture, text, 2)));

        Assert.Equal(a.Select(t => t.Config.Describe()), b.Select(t => t.Config.Describe()));
        Assert.NotEqual(a.Select(t => t.Config.Describe()), c.Select(t => t.Config.Describe()));
        Assert.All(a.Skip(1), t =>
        {
            Assert.InRange(t.Config.LearningRate, 1e-4, 1e-2);
            Assert.InRange(t.Config.DenseUnits, 16, 64);
            Assert.Contains(t.Config.Optimizer, new[] { OptimizerKind.Adam, OptimizerKind.Sgd });
        });
    }

    [Fact]
    public void LogUniform_spreadsOverDecades()
    {
        var domain = new FloatRangeDomain(1e-4, 1e-2, LogScale: true);
        var random = new Random(3);

        var samples = Enumerable.Range(0, 2000).Select(_ => (double)domain.Sample(random, Hyperparameters.LearningRate)).ToList();

        double belowMiddleDecade = samples.Count(s => s < 1e-3) / 2000.0;
        Assert.InRange(belowMiddleDecade, 0.45, 0.55);
    }

    [Fact]
    public void Plan_includesBaselineFirstOnceAndMarksIt()
    {
        var spec = Spec("name: p\nparameters:\n  conv_dropout:\n    values: [0.2, 0.4]\n");

        var trials = TrialPlanner.Plan(spec);

        Assert.Equal(2, trials.Count);
        Assert.True(trials[0].IsBaseline);
        Assert.Equal(0.4, trials[1].Config.ConvDropout);
        Assert.Equal([1, 2], trials.Select(t => t.TrialId).ToArray());
    }

    [Fact]
    public void Plan_optOutOfBaseline_hasOnlyTheSearch()
    {
        var spec = Spec("name: p\ninclude_baseline: false\nparameters:\n  conv_dropout:\n    values: [0.3, 0.4]\n");

        Assert.DoesNotContain(TrialPlanner.Plan(spec), t => t.IsBaseline);
    }
}
