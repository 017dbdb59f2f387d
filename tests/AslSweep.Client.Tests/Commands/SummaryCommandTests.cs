namespace AslSweep.Client.Tests.Commands;

public sealed class SummaryCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Summary_default_printsNotebookTotalsAndShapes()
    {
        var result = AslSweepProcess.Run(Limit, "summary");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Total params: 264,049", result.Output, StringComparison.Ordinal);
        Assert.Contains("Trainable params: 263,749", result.Output, StringComparison.Ordinal);
        Assert.Contains("Non-trainable params: 300", result.Output, StringComparison.Ordinal);
        Assert.Contains("(None, 4, 4, 25)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_badFilters_namesOptionWithoutStackTrace()
    {
        var result = AslSweepProcess.Run(Limit, "summary", "--filters", "75,x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--filters: '75,x' is not a list of whole numbers (e.g. 75,50,25)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }
}
