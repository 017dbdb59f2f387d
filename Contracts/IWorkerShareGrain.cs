namespace AslSweep.Contracts;

/// <summary>
/// Shares the cluster's workers fairly among running sweeps (key 0). Each coordinator claims on every tick how many
/// trials it could run now and gets back how many it may run; claims live in memory and lapse when not renewed, so
/// a lost activation is rebuilt by the next round of claims.
/// </summary>
[Alias("aslsweep.IWorkerShareGrain")]
public interface IWorkerShareGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records that <paramref name="sweepId"/> could run <paramref name="demand"/> trials now (0 withdraws the claim)
    /// and returns its share of the <paramref name="workers"/> live workers.
    /// </summary>
    [Alias("Claim")]
    Task<int> Claim(string sweepId, int demand, int workers);
}
