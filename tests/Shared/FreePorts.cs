using System.Net;
using System.Net.Sockets;

namespace AslSweep.Tests.Shared;

/// <summary>Free loopback ports for the servers the tests start.</summary>
public static class FreePorts
{
    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
