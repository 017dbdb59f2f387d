using System.Globalization;
using System.Text;
using AslSweep.Contracts;
using AslSweep.Sweeps.Analysis;
using AslSweep.Sweeps.Search;

namespace AslSweep.Client.Output;

/// <summary>report.md: the recommendation and its evidence, every trial's convergence analysis, the effect of each hyperparameter, the scheduler's decisions and the plots.</summary>
public static class ReportMarkdown
{
    /// <summary>The markdown text; numbers are report.json's, rounded to 4 decimals.</summary>
    public static string Render(SweepStatus status, SweepReport report, IReadOnlyList<string> plots, string? model)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plots);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Sweep {report.Name} ({report.SweepId})");
        md.AppendLine();
        if (report.Synthetic)
        {
            md.AppendLine("> **SYNTHETIC data**: the embedded generated data set, not real hand signs.");
            md.AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"State: {report.State}. {report.Rows.Length} trials, scheduler {Spellings.Scheduler.Of(status.Spec.Scheduler.Type)}, {report.Decisions.Length} stopped early. Verdicts: {report.Thresholds}.");
        md.AppendLine();
        md.AppendLine("## Recommendation");
        md.AppendLine();
        md.AppendLine(report.Recommendation);
        md.AppendLine();
        var compared = report.Rows.Where(r => r.TrialId == report.BaselineTrialId || r.TrialId == report.RecommendedTrialId).OrderBy(r => r.IsBaseline ? 0 : 1).ToList();
        if (compared.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| | trial | mean last {report.LastK} | std last {report.LastK} | gap | direction changes | slope | verdict |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var r in compared)
            {
                string role = r.TrialId == report.RecommendedTrialId ? (r.IsBaseline ? "baseline, recommended" : "recommended") : "baseline";
                md.AppendLine(Invariant($"| {role} | {r.TrialId} | {F(r.MeanLastK)} | {F(r.StdLastK)} | {F(r.TrainValGap)} | {r.DirectionChanges} | {F(r.SlopeLastK)} | {Name(r.Verdict)} |"));
            }

            md.AppendLine();
        }

        AppendConfigurations(md, report);
        if (model is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"The recommended trial's weights: `{model}` (`aslsweep predict --model {model} <image.png|file.csv>`).");
            md.AppendLine();
        }

        md.AppendLine("## Trials");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Ranked with {report.View} BatchNorm statistics (the columns up to the verdict); the moving averages' view (what Keras and the notebook report) and the recomputed one follow.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| rank | trial | state | epochs | best | best epoch | final | mean last {report.LastK} | std last {report.LastK} | gap | direction changes | slope last {report.LastK} | verdict | moving: mean ± std, verdict | recomputed: mean ± std, verdict | changed from baseline |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in report.Rows)
        {
            string changed = r.IsBaseline ? "(baseline)" : string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, r.Config));
            md.AppendLine(Invariant($"| {r.Rank} | {r.TrialId} | {r.State} | {r.Epochs} | {F(r.BestValAccuracy)} | {r.BestEpoch} | {F(r.FinalValAccuracy)} | {F(r.MeanLastK)} | {F(r.StdLastK)} | {F(r.TrainValGap)} | {r.DirectionChanges} | {F(r.SlopeLastK)} | {Name(r.Verdict)} | {View(r.Moving)} | {View(r.Recomputed)} | {changed} |"));
        }

        var diagnosed = report.Rows.Where(r => r.Diagnosis.Length > 0).ToList();
        if (diagnosed.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Where each swing comes from (std of the last {report.LastK} epochs in each view; oscillating above {ConvergenceVerdicts.OscillationStd}):");
            md.AppendLine();
            foreach (var r in diagnosed)
            {
                md.AppendLine(Invariant($"- trial {r.TrialId}: {r.Diagnosis}"));
            }
        }

        foreach (var r in report.Rows.Where(r => r.Ending is not null))
        {
            md.AppendLine();
            md.AppendLine(Invariant($"Trial {r.TrialId} {r.State.ToString().ToLowerInvariant()}: {r.Ending}"));
        }

        md.AppendLine();
        md.AppendLine("## Effect of each hyperparameter");
        md.AppendLine();
        if (report.Effects.IsEmpty)
        {
            md.AppendLine("No hyperparameter varies among the completed trials.");
        }
        else
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Grouped means over the completed trials (stopped trials are left out: their statistics come from early epochs).");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| parameter | value | trials | mean of mean last {report.LastK} | mean of std last {report.LastK} |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var e in report.Effects)
            {
                md.AppendLine(Invariant($"| {e.Parameter} | {e.Value} | {e.Trials} | {F(e.MeanStable)} | {F(e.MeanStd)} |"));
            }
        }

        if (!report.Importance.IsEmpty)
        {
            md.AppendLine();
            md.AppendLine("## What mattered");
            md.AppendLine();
            var first = report.Importance[0];
            string units = report.Configurations.IsEmpty ? "completed trials" : "complete configurations (each by its mean over seeds)";
            md.AppendLine(Invariant($"Importance of each hyperparameter for reaching the best {first.TopTrials} of the {first.Trials} {units} by {report.RankedBy} (PED-ANOVA, Watanabe et al. 2023: the Pearson divergence between the values the top trials hold and those all trials hold, normalised to add up to 1). With this few trials it ranks parameters; it does not measure them precisely."));
            md.AppendLine();
            md.AppendLine("| parameter | importance | divergence | trials | top trials |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var i in report.Importance)
            {
                md.AppendLine(Invariant($"| {i.Parameter} | {F(i.Importance)} | {F(i.Divergence)} | {i.Trials} | {i.TopTrials} |"));
            }
        }

        if (report.ExpectedBest.Length >= 2)
        {
            md.AppendLine();
            md.AppendLine("## Expected best against the number of trials");
            md.AppendLine();
            string drawn = report.Configurations.IsEmpty ? "trials drawn from the completed ones" : "configurations drawn from the complete ones (each by its mean over seeds)";
            md.AppendLine(Invariant($"The best mean of the last {report.LastK} {report.RankedBy} to expect from n {drawn}, {report.ExpectedBest.Length} in all (Dodge et al. 2019), ± its standard deviation:"));
            md.AppendLine();
            md.AppendLine("| trials | expected best | std |");
            md.AppendLine("|---|---|---|");
            for (int n = 0; n < report.ExpectedBest.Length; n++)
            {
                md.AppendLine(Invariant($"| {n + 1} | {F(report.ExpectedBest[n])} | {F(report.ExpectedBestStd[n])} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("## Early stopping");
        md.AppendLine();
        md.AppendLine(report.Decisions.IsEmpty ? "No trial was stopped early." : string.Join(Environment.NewLine, report.Decisions.Select(d => Invariant($"- trial {d.TrialId} after epoch {d.Epoch}: {d.Reason}"))));
        md.AppendLine();
        md.AppendLine("## Plots");
        md.AppendLine();
        foreach (string plot in plots)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(plot)}]({plot})");
            md.AppendLine();
        }

        return md.ToString();
    }

    // With replicates: every configuration with its means and intervals over seeds, in the ranked view and both
    // BatchNorm views, and the recommendation's paired comparisons.
    private static void AppendConfigurations(StringBuilder md, SweepReport report)
    {
        if (report.Configurations.IsEmpty)
        {
            return;
        }

        md.AppendLine(Invariant($"### Configurations ({report.Replicates} replicates each)"));
        md.AppendLine();
        md.AppendLine(Invariant($"Each configuration's mean over its seeds of the mean of the last {report.LastK} epochs, with the 95% percentile bootstrap interval over seeds; only replicates that completed count. The ranked column is {report.RankedBy} with {report.View} statistics; the notebook's own measurement (the moving averages) stands beside it."));
        md.AppendLine();
        // val_accuracy is ranked in one of the two views shown anyway; val_loss gets a column of its own.
        bool loss = report.RankedBy != "val_accuracy";
        string ranked = loss ? Invariant($" {report.RankedBy} ({report.View}): mean [95% CI] |") : "";
        md.AppendLine(Invariant($"| rank | trials | seeds | replicates |{ranked} val_accuracy, recomputed: mean [95% CI] | val_accuracy, moving (Keras): mean [95% CI] | converged | changed from baseline |"));
        md.AppendLine(loss ? "|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|");
        foreach (var c in report.Configurations)
        {
            string changed = c.IsBaseline ? "(baseline)" : string.Join(" ", SweepReportBuilder.Difference(TrialPlanner.Baseline, c.Config).Where(d => !d.StartsWith("seed=", StringComparison.Ordinal)));
            string stable = loss ? $" {Interval(c.Stable)} |" : "";
            md.AppendLine(Invariant($"| {c.Rank} | {string.Join(", ", c.TrialIds)} | {string.Join(", ", c.Seeds)} | {c.States} |{stable} {Interval(c.Recomputed)} | {Interval(c.Moving)} | {c.Converged} of {c.Judged} | {changed} |"));
        }

        if (report.Replicates < 10)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"With {report.Replicates} seeds a percentile bootstrap interval is little more than the seeds' spread ({(report.Replicates == 2 ? "with two: their range" : "it narrows as seeds are added")}): it shows how far the seeds agree, not a 95% guarantee."));
        }

        if (report.Comparisons.IsEmpty)
        {
            md.AppendLine();
            return;
        }

        md.AppendLine();
        md.AppendLine("Paired by seed (recommended minus other, positive = the recommendation is better): the mean difference with its 95% bootstrap interval, the exact sign-flip test, the probability of improvement (share of seeds on which the recommendation did better), and the validation set's binomial noise floor. Told apart only when the interval excludes 0, p < 0.05 and the difference is beyond the noise floor; fewer than 6 seeds can never give p < 0.05.");
        md.AppendLine();
        md.AppendLine("| against | trials | paired seeds | difference [95% CI] | sign-flip p | smallest possible p | P(improvement) | noise floor (95% half-width, unpaired: conservative) | told apart |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var c in report.Comparisons)
        {
            md.AppendLine(Invariant($"| {c.Against} | {c.OtherTrialId} | {c.Pairs} | {Interval(c.Difference)} | {c.PValue:0.####} | {c.SmallestPValue:0.####} | {c.ProbabilityOfImprovement:0.##} | {F(c.NoiseFloor)} | {Told(c.Verdict)} |"));
        }

        md.AppendLine();
    }

    private static string Told(ComparisonVerdict verdict) => verdict switch
    {
        ComparisonVerdict.ToldApart => "yes",
        ComparisonVerdict.TooFewSeeds => "not yet: too few seeds for p < 0.05",
        _ => "no",
    };

    private static string Interval(IntervalEstimate estimate) => double.IsNaN(estimate.Mean) ? "-" : Invariant($"{F(estimate.Mean)} [{F(estimate.Low)}, {F(estimate.High)}]");

    /// <summary>A number as report.md shows it.</summary>
    public static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string View(ViewStatistics view) => double.IsNaN(view.MeanLastK) ? "-" : Invariant($"{F(view.MeanLastK)} ± {F(view.StdLastK)}, {Name(view.Verdict)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
