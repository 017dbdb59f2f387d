namespace AslSweep.Training.Tests;

/// <summary>
/// Collects the youngest generation (where a just-converted Scalar lives) and runs finalizers on another thread, back to back, until disposed: the condition under
/// which TorchSharp frees an implicitly converted Scalar while libtorch still reads it (in a silo, Orleans'
/// own threads start such collections).
/// </summary>
public sealed class GarbageCollectionStorm : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly int _torchThreads = TorchSharp.torch.get_num_threads();

    public GarbageCollectionStorm()
    {
        // One intra-op thread while the storm blows: with libtorch's spinning OpenMP workers, the storm thread
        // and the test thread on two cores, a step waited at OpenMP barriers for a descheduled worker and a
        // storm test took from 4 s to 46 s. The storm tests run alone (their collection), so this is safe.
        TorchSharp.torch.set_num_threads(1);
        _thread = new Thread(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
                Collections++;

                // A breather, so that the thread under test runs between collections: without it the test
                // thread spent most of its time suspended, and a storm test took minutes in a busy process.
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "gc-storm" };
        _thread.Start();
    }

    /// <summary>Collections finished so far (proof that the storm ran).</summary>
    public int Collections { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        TorchSharp.torch.set_num_threads(_torchThreads);
    }
}
