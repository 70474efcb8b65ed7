using System.Net;
using System.Net.Sockets;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>Free TCP ports on the loopback interface.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
