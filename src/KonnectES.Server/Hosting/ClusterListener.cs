using System.Net;
using System.Net.Sockets;

namespace KonnectES.Server.Hosting;

/// <summary>
/// Where the cluster endpoint listens: <c>KONNECTES_CLUSTER_LISTEN</c>, else <c>Cluster:Url</c>, else port 8005 on the
/// loopback interface in all-in-one mode (its data plane runs in the same process) and on every interface for a
/// control-plane node (its data planes run elsewhere). Kestrel listens on it next to the portal's URLs; requests that
/// arrive on this port reach only the cluster endpoints (and <c>/health</c>), the others never reach them.
/// </summary>
internal sealed record ClusterListener(string Url, int Port)
{
    public const string ListenSetting = "KONNECTES_CLUSTER_LISTEN";
    public const string UrlSetting = "Cluster:Url";

    public static ClusterListener From(IConfiguration configuration, ServerRole role)
    {
        var url = FirstNonEmpty(configuration[ListenSetting], configuration[UrlSetting])
            ?? (role == ServerRole.AllInOne ? "http://127.0.0.1:8005" : "http://0.0.0.0:8005");
        if (!url.Contains("://", StringComparison.Ordinal))
        {
            url = "http://" + url; // "0.0.0.0:8005" is accepted too
        }

        var uri = new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal));
        return new ClusterListener(url, uri.Port);
    }

    /// <summary>True when a request came in on the cluster port. An in-process test server has no port and reaches both.</summary>
    public bool Serves(HttpContext http) => http.Connection.LocalPort == Port;

    /// <summary>True when the request came in on a port that is not the cluster's.</summary>
    public bool IsOtherPort(HttpContext http) => http.Connection.LocalPort != 0 && http.Connection.LocalPort != Port;

    /// <summary>A free TCP port on the loopback interface (for the private PostgreSQL, whose address must be known before it starts).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
