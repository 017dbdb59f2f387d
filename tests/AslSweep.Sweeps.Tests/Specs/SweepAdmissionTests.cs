using System.Diagnostics;
using AslSweep.Contracts;
using AslSweep.Sweeps.Specs;
using AslSweep.Tests.Shared;

namespace AslSweep.Sweeps.Tests.Specs;

public sealed class SweepAdmissionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SweepLimitsOptions _limits;

    public SweepAdmissionTests()
    {
        Directory.CreateDirectory(_temp.File("data"));
        File.WriteAllText(_temp.File("data/train.csv"), "0," + string.Join(",", Enumerable.Repeat("0", 784)) + "\n");
        File.WriteAllText(_temp.File("secret.csv"), "0\n");
        _limits = new SweepLimitsOptions { DataRoot = _temp.File("data"), MaxTrialsPerSweep = 4, MaxEpochsPerTrial = 30, MaxParameterValues = 6 };
    }

    public void Dispose() => _temp.Dispose();

    private static SweepSpec Files(string train, string valid) => new()
    {
        IncludeBaseline = false,
        Data = new DataSpec { Synthetic = false, Train = train, Valid = valid },
    };

    [Fact]
    public void Check_withinLimitsAndInsideRoot_noProblem()
    {
        Assert.Empty(SweepAdmission.Check(Files("train.csv", "train.csv") with { IncludeBaseline = true }, _limits).Problems);
    }

    [Fact]
    public void Problems_badIdAndInvalidSpec_reportsBothBeforeAnyLimit()
    {
        var spec = new SweepSpec { Name = "", Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5", "6", "7"] }] };

        var problems = SweepAdmission.Admit("../x", spec, _limits).Problems;

        Assert.StartsWith("sweep id '../x': ", problems[0], StringComparison.Ordinal);
        Assert.Equal(SweepSpecValidator.Validate(spec), problems.Skip(1));
        Assert.NotEmpty(SweepSpecValidator.Validate(spec));
        Assert.DoesNotContain(problems, p => p.Contains("AslSweep:Limits", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_validSpecOverALimit_reportsTheLimit()
    {
        var spec = new SweepSpec { Name = "ok", Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5", "6", "7"] }] };

        Assert.Empty(SweepSpecValidator.Validate(spec));
        Assert.Contains(SweepAdmission.Admit("ok-1", spec, _limits).Problems, p => p.Contains("AslSweep:Limits:MaxParameterValues", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_overTrialEpochAndValueLimits_namesEachWithItsSetting()
    {
        var spec = new SweepSpec { Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4"] }, new ParameterSpec { Name = "epochs", Values = ["50"] }] };
        var values = new SweepSpec { Parameters = [new ParameterSpec { Name = "seed", Values = ["1", "2", "3", "4", "5", "6", "7"] }] };

        var problems = SweepAdmission.Check(spec, _limits).Problems;

        Assert.Contains("parameters: 5 trials is over this cluster's limit of 4 per sweep (AslSweep:Limits:MaxTrialsPerSweep)", problems);
        Assert.Contains("parameters.epochs: 50 is over this cluster's limit of 30 epochs per trial (AslSweep:Limits:MaxEpochsPerTrial)", problems);
        Assert.Contains("parameters: 7 values in all is over this cluster's limit of 6 (AslSweep:Limits:MaxParameterValues)", SweepAdmission.Check(values, _limits).Problems);
    }

    [Theory]
    [InlineData("../secret.csv", "is outside the data root")]
    [InlineData("/etc/passwd", "is outside the data root")]
    [InlineData("missing.csv", "is not a file in the data root")]
    [InlineData(".", "is not a file in the data root")]
    public void Check_pathLeavingOrMissing_isRefusedNamingTheField(string path, string expected)
    {
        var problems = SweepAdmission.Check(Files("train.csv", path), _limits).Problems;

        var problem = Assert.Single(problems);
        Assert.StartsWith($"data.valid: '{path}' ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_symlinkLeadingOut_isRefused()
    {
        File.CreateSymbolicLink(_temp.File("data/link.csv"), _temp.File("secret.csv"));
        Directory.CreateSymbolicLink(_temp.File("data/outside"), _temp.Path);

        Assert.Contains("leads out of the data root through a symbolic link", Assert.Single(SweepAdmission.Check(Files("link.csv", "train.csv"), _limits).Problems), StringComparison.Ordinal);
        Assert.Contains("leads out of the data root", Assert.Single(SweepAdmission.Check(Files("outside/secret.csv", "train.csv"), _limits).Problems), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Check_pipeInsideRoot_isRefusedAsNotARegularFile()
    {
        using (var mkfifo = Process.Start("mkfifo", _temp.File("data/pipe.csv")))
        {
            mkfifo.WaitForExit();
            Skip.If(mkfifo.ExitCode != 0, "mkfifo is not available");
        }

        Assert.Contains("'pipe.csv' is empty or not a regular file", Assert.Single(SweepAdmission.Check(Files("pipe.csv", "train.csv"), _limits).Problems), StringComparison.Ordinal);
    }
}
