using System.Net;
using System.Net.Sockets;

namespace AslSweep.Client.Cluster;

/// <summary>Free loopback TCP ports, so that a dev cluster never collides with a running silo.</summary>
public static class FreePorts
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
