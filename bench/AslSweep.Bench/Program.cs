using AslSweep.Bench;

// One process per run: every ratio compares numbers measured in the same run (these machines are noisy).
// Usage: AslSweep.Bench [training-core|backends|orchestration|control-plane|asha|all] [output-folder] [cpu-backend]
//        | asha-replay [asha.json]
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 120;
}

string which = args.Length > 0 ? args[0] : "training-core";
if (which == "backend-child")
{
    // One backend per process (see BackendBenchmark): the parent starts this with the backend's name.
    return BackendBenchmark.RunChild(args.Length > 1 ? args[1] : "", Console.Out);
}

string output = args.Length > 1 ? args[1] : Path.Combine("bench", "results");
if (which is not ("training-core" or "backends" or "orchestration" or "control-plane" or "asha" or "asha-replay" or "all"))
{
    Console.Error.WriteLine($"error: unknown benchmark '{which}' (training-core, backends, orchestration, control-plane, asha, asha-replay, all)");
    return 2;
}

if (which is "training-core" or "all")
{
    // A third argument holds training-core to one CPU backend, even one that fails its probe (to see what it does).
    if (args.Length > 2)
    {
        if (!AslSweep.Training.Numerics.CpuBackends.TryParse(args[2], out var backend))
        {
            Console.Error.WriteLine($"error: unknown CPU backend '{args[2]}' ({AslSweep.Training.Numerics.CpuBackends.Names})");
            return 2;
        }

        AslSweep.Training.Numerics.TorchNumerics.Request(backend, "bench argument", fallback: false);
    }

    Console.WriteLine($"CPU backend: {AslSweep.Training.Numerics.TorchNumerics.Ensure().Describe()}");
    var report = TrainingCoreBenchmark.Run(Console.Out);
    TrainingCoreBenchmark.Print(report);
    BenchmarkFiles.Save(report, Path.Combine(output, "training-core.json"));
}

if (which is "backends" or "all")
{
    var runs = AslSweep.Bench.BackendBenchmark.Run(Console.Out);
    AslSweep.Bench.BackendBenchmark.Print(runs);
    BenchmarkFiles.Save(runs, Path.Combine(output, "backends.json"));
}

if (which is "orchestration" or "all")
{
    BenchmarkFiles.Save(await OrchestrationBenchmark.Run(Console.Out), Path.Combine(output, "orchestration.json"));
}

if (which is "control-plane" or "all")
{
    BenchmarkFiles.Save(await ControlPlaneBenchmark.Run(Console.Out), Path.Combine(output, "control-plane.json"));
}

if (which is "asha" or "all")
{
    var asha = AshaBenchmark.Run(Path.Combine("bench", "specs", "grid-vs-asha.yaml"), Console.Out);
    AshaBenchmark.Print(asha, Console.Out);
    BenchmarkFiles.Save(asha, Path.Combine(output, "asha.json"));
}

if (which is "asha-replay")
{
    // The second argument is the asha.json of an earlier `asha` run; ASHA settings are replayed over its curves.
    string saved = args.Length > 1 ? args[1] : Path.Combine("bench", "recorded", "asha.json");
    AshaBenchmark.Print(AshaBenchmark.Replay(Path.Combine("bench", "specs", "grid-vs-asha.yaml"), saved, Console.Out), Console.Out);
}

return 0;
