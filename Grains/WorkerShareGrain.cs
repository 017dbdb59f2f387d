using AslSweep.Contracts;
using AslSweep.Sweeps.Scheduling;

namespace AslSweep.Grains;

/// <summary>
/// The running sweeps' claims on workers, in memory, and their <see cref="FairShare"/>. A claim not renewed for
/// <see cref="ClaimLifetime"/> lapses (its coordinator ended or is gone), so it stops holding a share.
/// </summary>
public sealed class WorkerShareGrain(TimeProvider time) : Grain, IWorkerShareGrain
{
    /// <summary>
    /// How long a claim counts without renewal. Coordinators renew every tick (a second), but a tick waiting on
    /// unreachable workers (up to 10 s a call, one call per trial it tries to start) can take tens of seconds, and a
    /// lapsed claim hands the sweep's share to the others meanwhile; a coordinator that is gone holds it this long.
    /// </summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(60);

    // In order of first claim: the remainder of an uneven division goes to the sweeps that asked first.
    private readonly List<(string Sweep, int Demand, DateTimeOffset Renewed)> _claims = [];

    public Task<int> Claim(string sweepId, int demand, int workers)
    {
        var now = time.GetUtcNow();
        _claims.RemoveAll(c => now - c.Renewed > ClaimLifetime);
        int index = _claims.FindIndex(c => c.Sweep == sweepId);
        if (demand <= 0)
        {
            if (index >= 0)
            {
                _claims.RemoveAt(index);
            }

            return Task.FromResult(0);
        }

        if (index >= 0)
        {
            _claims[index] = (sweepId, demand, now);
        }
        else
        {
            _claims.Add((sweepId, demand, now));
        }

        var shares = FairShare.Allocate(workers, [.. _claims.Select(c => (c.Sweep, c.Demand))]);
        return Task.FromResult(shares[sweepId]);
    }
}
