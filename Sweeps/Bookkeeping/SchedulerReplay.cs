using AslSweep.Contracts;
using AslSweep.Contracts.State;
using AslSweep.Sweeps.Analysis;

namespace AslSweep.Sweeps.Bookkeeping;

/// <summary>
/// Runs a sweep's coordinator logic (<see cref="SweepBook"/>, <see cref="SweepScheduling"/>) over recorded curves
/// with <c>max_concurrent</c> simulated workers. Every epoch takes one time unit (measured durations would make
/// the order, and so the decisions, depend on the machine's load); results arrive in time order, ties by trial,
/// and a worker is freed when its trial completes or is stopped.
/// </summary>
public static class SchedulerReplay
{
    /// <summary>Epochs trained, the best stable metric among completed trials and its trial, and how many were stopped.</summary>
    public static (int Epochs, int BestTrial, double BestStable, int Stopped) Run(SweepSpec spec, IReadOnlyDictionary<int, IReadOnlyList<EpochReport>> curves)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(curves);
        var book = SweepBook.Start(new SweepCoordinatorState(), "replay", spec, DateTimeOffset.UnixEpoch);
        var events = new PriorityQueue<(int Trial, int Epoch), (double Time, int Trial)>();
        int free = spec.MaxConcurrent;
        int epochs = 0;
        double now = 0;

        void Dispatch()
        {
            foreach (var trial in book.Pending.ToList())
            {
                if (free == 0)
                {
                    return;
                }

                book.Assign(trial, $"worker-{free}");
                free--;
                events.Enqueue((trial.TrialId, 1), (now + 1, trial.TrialId));
            }
        }

        Dispatch();
        while (events.TryDequeue(out var result, out var at))
        {
            now = at.Time;
            var trial = book.Trial(result.Trial)!;
            if (trial.State != TrialState.Running)
            {
                // Stopped with its configuration by another replicate's epoch: its worker was freed then.
                continue;
            }

            var curve = curves[result.Trial];
            book.RecordEpoch(result.Trial, trial.Attempts, curve[result.Epoch - 1], out var stops);
            epochs++;
            free += stops.Count;
            if (trial.State == TrialState.Running && result.Epoch == curve.Count)
            {
                book.Finish(result.Trial, trial.Attempts, TrialOutcome.Completed, "", curve, out var more);
                free += 1 + more.Count;
            }
            else if (trial.State == TrialState.Running)
            {
                events.Enqueue((result.Trial, result.Epoch + 1), (now + 1, result.Trial));
            }

            Dispatch();
        }

        var completed = book.State.Trials.Where(t => t.State == TrialState.Completed)
            .Select(t => (t.TrialId, Stable: RankingMetric.For(spec.Metric).Statistics(t.Epochs, spec.Metric.LastK)!.MeanLastK))
            .MaxBy(t => t.Stable);
        return (epochs, completed.TrialId, completed.Stable, book.State.Trials.Count(t => t.State == TrialState.Stopped));
    }
}
