namespace AslSweep.Sweeps.Search;

/// <summary>A trial the planner decided to run.</summary>
/// <param name="TrialId">1-based number.</param>
/// <param name="Config">Its configuration.</param>
/// <param name="IsBaseline">True for the notebook's configuration.</param>
public sealed record PlannedTrial(int TrialId, TrialConfig Config, bool IsBaseline);
