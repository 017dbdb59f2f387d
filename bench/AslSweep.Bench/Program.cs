using AslSweep.Bench;

// One process, one run: every number in the report is measured against the others of this run.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 120;
}

string output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", "training-core.json");
var report = TrainingCoreBenchmark.Run(Console.Out);
TrainingCoreBenchmark.Print(report);
TrainingCoreBenchmark.Save(report, output);
Console.WriteLine($"wrote {Path.GetFullPath(output)}");
