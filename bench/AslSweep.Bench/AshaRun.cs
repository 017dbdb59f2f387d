namespace AslSweep.Bench;

/// <summary>One ASHA setting replayed over the grid's curves.</summary>
public sealed record AshaRun(int ReductionFactor, int GracePeriod, int Epochs, double EpochRatio, int BestTrial, double BestStable, double GapPercentagePoints, int Stopped);
