using System.Diagnostics.Metrics;
using AslSweep.Grains.Telemetry;

namespace AslSweep.Grains.Tests.Cluster;

/// <summary>
/// Follows the silos' <c>aslsweep.workers.busy</c> counter in this process for some sweeps: every +1 when a worker
/// starts one of their attempts and -1 when it ends, in order, so the peak is exact.
/// </summary>
public sealed class BusyWorkers : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, (long Now, long Peak)> _sweeps;

    public BusyWorkers(params string[] sweeps)
    {
        _sweeps = sweeps.ToDictionary(s => s, _ => (0L, 0L));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SweepMetrics.MeterName && instrument.Name == "aslsweep.workers.busy")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "sweep" && tag.Value is string sweep)
                {
                    lock (_sweeps)
                    {
                        if (_sweeps.TryGetValue(sweep, out var counts))
                        {
                            long now = counts.Now + delta;
                            _sweeps[sweep] = (now, Math.Max(counts.Peak, now));
                        }
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The most workers <paramref name="sweep"/> held at once.</summary>
    public long Peak(string sweep)
    {
        lock (_sweeps)
        {
            return _sweeps[sweep].Peak;
        }
    }

    /// <summary>The workers <paramref name="sweep"/> holds now.</summary>
    public long Now(string sweep)
    {
        lock (_sweeps)
        {
            return _sweeps[sweep].Now;
        }
    }

    public void Dispose() => _listener.Dispose();
}
