using System.Net;

namespace KonnectES.DataPlane.Proxy;

/// <summary>Where the proxy and the status listener listen, and whom the proxy trusts.</summary>
internal sealed class ProxyOptions
{
    /// <summary>The proxy's address (Kong's <c>proxy_listen</c>); <c>KONNECTES_PROXY_LISTEN</c>, default <c>http://0.0.0.0:8000</c>.</summary>
    public string ProxyUrl { get; set; } = "http://0.0.0.0:8000";

    /// <summary>The status listener's address (Kong's <c>status_listen</c>); <c>KONNECTES_STATUS_LISTEN</c>, default <c>http://0.0.0.0:8100</c>.</summary>
    public string StatusUrl { get; set; } = "http://0.0.0.0:8100";

    /// <summary>
    /// Peers whose X-Forwarded-* and X-Real-IP headers are believed (Kong's <c>trusted_ips</c>; none by default);
    /// <c>KONNECTES_TRUSTED_IPS</c>, a comma-separated list of addresses or CIDR ranges.
    /// </summary>
    public IList<IPNetwork> TrustedNetworks { get; } = [];

    /// <summary>The port of <see cref="ProxyUrl"/>.</summary>
    public int ProxyPort => PortOf(ProxyUrl);

    /// <summary>The port of <see cref="StatusUrl"/>.</summary>
    public int StatusPort => PortOf(StatusUrl);

    /// <summary>Fills what the environment gives.</summary>
    public ProxyOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ProxyUrl = Normalize(setting("KONNECTES_PROXY_LISTEN")) ?? ProxyUrl;
        StatusUrl = Normalize(setting("KONNECTES_STATUS_LISTEN")) ?? StatusUrl;
        if (setting("KONNECTES_TRUSTED_IPS") is { Length: > 0 } trusted)
        {
            foreach (var entry in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                TrustedNetworks.Add(entry.Contains('/', StringComparison.Ordinal)
                    ? IPNetwork.Parse(entry)
                    : new IPNetwork(IPAddress.Parse(entry), IPAddress.Parse(entry).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
        }

        return this;
    }

    /// <summary>True when <paramref name="address"/> is a trusted peer.</summary>
    public bool Trusts(IPAddress? address)
    {
        if (address is null || TrustedNetworks.Count == 0)
        {
            return false;
        }

        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        for (var i = 0; i < TrustedNetworks.Count; i++)
        {
            if (TrustedNetworks[i].Contains(ip))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        return url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
    }

    private static int PortOf(string url) =>
        new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port;
}
