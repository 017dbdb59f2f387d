namespace AslSweep.Sweeps.Scheduling;

/// <summary>
/// Max-min fair shares of the cluster's workers among running sweeps (as Ray's and YARN's fair schedulers): every
/// sweep may run an equal share, a sweep that wants less leaves the rest to the others, and the remainder of an
/// uneven division goes to the sweeps that asked first. Shares only limit new dispatches; running trials are never
/// preempted, so a sweep above its share gives workers back as its trials end.
/// </summary>
public static class FairShare
{
    /// <summary>
    /// The share of each sweep in <paramref name="demands"/> (sweep, trials it could run now), listed in order of
    /// arrival, out of <paramref name="workers"/>; the shares add up to at most <paramref name="workers"/>.
    /// </summary>
    public static Dictionary<string, int> Allocate(int workers, IReadOnlyList<(string Sweep, int Demand)> demands)
    {
        ArgumentNullException.ThrowIfNull(demands);
        var shares = demands.ToDictionary(d => d.Sweep, _ => 0, StringComparer.Ordinal);
        // Water-filling: the smallest demands are met first while they are below the equal level of what is left.
        var open = demands.Select((d, arrival) => (d.Sweep, d.Demand, Arrival: arrival)).Where(d => d.Demand > 0).OrderBy(d => d.Demand).ThenBy(d => d.Arrival).ToList();
        int left = Math.Max(0, workers);
        for (int i = 0; i < open.Count; i++)
        {
            int level = left / (open.Count - i);
            if (open[i].Demand <= level)
            {
                shares[open[i].Sweep] = open[i].Demand;
                left -= open[i].Demand;
                continue;
            }

            // Every sweep from here wants more than the level: equal shares, the odd workers to the earliest arrivals.
            var rest = open.Skip(i).OrderBy(d => d.Arrival).ToList();
            for (int j = 0; j < rest.Count; j++)
            {
                shares[rest[j].Sweep] = (left / rest.Count) + (j < left % rest.Count ? 1 : 0);
            }

            break;
        }

        return shares;
    }
}
