namespace AslSweep.Bench;

/// <summary>The grid and the ASHA replays over it (the first run uses the spec's scheduler settings), with the grid's curves for further analysis.</summary>
public sealed record AshaResult(string Spec, int Trials, int GridEpochs, int GridBestTrial, double GridBestStable, double GridSeconds, IReadOnlyList<AshaRun> Runs, IReadOnlyDictionary<int, IReadOnlyList<Contracts.EpochReport>> Curves);
