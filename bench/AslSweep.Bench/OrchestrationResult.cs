namespace AslSweep.Bench;

/// <summary>Orchestration overhead: the same trials directly and through the cluster.</summary>
/// <param name="Trials">Trials run each way.</param>
/// <param name="Epochs">Epochs per trial.</param>
/// <param name="DirectSeconds">Through the training core in one process.</param>
/// <param name="DirectThreadSeconds">The same on a dedicated thread, as a worker trains.</param>
/// <param name="ClusterSeconds">As a sweep through a one-worker cluster.</param>
/// <param name="Ratio">ClusterSeconds / DirectSeconds.</param>
/// <param name="RatioToDedicatedThread">ClusterSeconds / DirectThreadSeconds: the orchestration's own overhead.</param>
public sealed record OrchestrationResult(int Trials, int Epochs, double DirectSeconds, double DirectThreadSeconds, double ClusterSeconds, double Ratio, double RatioToDedicatedThread);
