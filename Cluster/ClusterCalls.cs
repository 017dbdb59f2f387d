using System.Text.RegularExpressions;

namespace AslSweep.Cluster;

/// <summary>
/// Calls the cluster again while it cannot answer for a moment: just after a silo died, a grain that lived there
/// (the sweep index, a coordinator) is unreachable until membership declares the silo dead (about 30 s at most with
/// the default settings) and the grain reactivates elsewhere. Only for calls that may safely be made twice.
/// </summary>
public static partial class ClusterCalls
{
    /// <summary>How long a call is retried before the cluster counts as unavailable.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="call"/>, again every second while it fails with a cluster error, for up to
    /// <paramref name="patience"/> (default <see cref="Patience"/>); then throws <see cref="ClusterUnavailableException"/>
    /// saying what could not be done.
    /// </summary>
    public static async Task<T> Retry<T>(Func<Task<T>> call, string what, CancellationToken cancellation = default, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var limit = patience ?? Patience;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new ClusterUnavailableException($"{what}: the cluster did not answer for {limit.TotalSeconds:F0} s ({Readable(e)}); if a silo was just lost, try again once the cluster has noticed", e);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            }
        }
    }

    /// <summary>
    /// What an Orleans error says happened, for a person: the first line of its message from the innermost error
    /// it quotes ("Exception while sending message: ...ConnectionFailedException: Unable to connect to ..." gives
    /// "Unable to connect to ..."), without type names.
    /// </summary>
    public static string Readable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string first = exception.Message.Split('\n')[0].Trim();
        return TypeName().Split(first).Select(part => part.Trim()).LastOrDefault(part => part.Length > 0) ?? "no reason given";
    }

    [GeneratedRegex(@"\b[\w.]*Exception:\s*")]
    private static partial Regex TypeName();
}
