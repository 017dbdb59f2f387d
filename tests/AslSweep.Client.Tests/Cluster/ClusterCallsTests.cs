using AslSweep.Cluster;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// Issue 16: `aslsweep cancel` right after a silo was killed failed (exit 1, an Orleans type name in the message)
/// when the sweep index had lived on that silo; the same call a few seconds later succeeds.
/// </summary>
public sealed class ClusterCallsTests
{
    private const string SendFailure = "Exception while sending message: Orleans.Runtime.Messaging.ConnectionFailedException: Unable to connect to S127.0.0.1:44689:155009914, will retry after 242.5223ms\n   at Orleans.Runtime.Messaging.ConnectionManager.GetConnectionAsync";

    [Fact]
    public async Task Retry_clusterErrorsThenAnAnswer_returnsTheAnswer()
    {
        int calls = 0;
        int answer = await ClusterCalls.Retry(() => ++calls switch
        {
            1 => throw new OrleansException(SendFailure),
            2 => throw new TimeoutException("response did not arrive on time"),
            _ => Task.FromResult(42),
        }, "cancelling sweep s1");

        Assert.Equal(42, answer);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retry_clusterErrorsPastPatience_throwsClusterUnavailableSayingWhatFailedWithoutTypeNames()
    {
        int calls = 0;
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ClusterCalls.Retry<int>(() =>
        {
            calls++;
            throw new OrleansException(SendFailure);
        }, "cancelling sweep s1", patience: TimeSpan.FromSeconds(2)));

        Assert.InRange(calls, 2, 4);
        Assert.StartsWith("cancelling sweep s1: the cluster did not answer for 2 s (", error.Message, StringComparison.Ordinal);
        Assert.Contains("(Unable to connect to S127.0.0.1:44689", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_otherError_isThrownAtOnce()
    {
        int calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ClusterCalls.Retry<int>(() =>
        {
            calls++;
            throw new InvalidOperationException("<ID>: no sweep 's1'");
        }, "looking up sweep s1"));

        Assert.Equal(1, calls);
    }
}
