using System.Net;

namespace KonnectES.DataPlane.Proxy;

/// <summary>Where the proxy (plain and TLS) and the status listener listen, and whom the proxy trusts.</summary>
internal sealed class ProxyOptions
{
    /// <summary>The proxy's address (Kong's <c>proxy_listen</c>); <c>KONNECTES_PROXY_LISTEN</c>, default <c>http://0.0.0.0:8000</c>.</summary>
    public string ProxyUrl { get; set; } = "http://0.0.0.0:8000";

    /// <summary>
    /// The TLS proxy's address (Kong's <c>proxy_listen ... ssl</c>), serving the snapshot's certificates by SNI; null when
    /// off. <c>KONNECTES_PROXY_SSL_LISTEN</c>, default <c>https://0.0.0.0:8443</c>; <c>off</c> disables it.
    /// </summary>
    public string? ProxySslUrl { get; set; } = "https://0.0.0.0:8443";

    /// <summary>
    /// Where the default certificate (served when no SNI matches) is kept across restarts; null keeps a new one in
    /// memory. The data plane uses <c>ssl/</c> in its data directory.
    /// </summary>
    public string? DefaultCertificateDirectory { get; set; }

    /// <summary>The status listener's address (Kong's <c>status_listen</c>); <c>KONNECTES_STATUS_LISTEN</c>, default <c>http://0.0.0.0:8100</c>.</summary>
    public string StatusUrl { get; set; } = "http://0.0.0.0:8100";

    /// <summary>
    /// Peers whose X-Forwarded-* and X-Real-IP headers are believed (Kong's <c>trusted_ips</c>; none by default);
    /// <c>KONNECTES_TRUSTED_IPS</c>, a comma-separated list of addresses or CIDR ranges.
    /// </summary>
    public IList<IPNetwork> TrustedNetworks { get; } = [];

    /// <summary>The port of <see cref="ProxyUrl"/>.</summary>
    public int ProxyPort => PortOf(ProxyUrl);

    /// <summary>The port of <see cref="ProxySslUrl"/>, or null when the TLS proxy is off.</summary>
    public int? ProxySslPort => ProxySslUrl is null ? null : PortOf(ProxySslUrl);

    /// <summary>Every address the host binds for the data plane: the proxy, the TLS proxy (unless off), the status listener.</summary>
    public string[] Urls => ProxySslUrl is null ? [ProxyUrl, StatusUrl] : [ProxyUrl, ProxySslUrl, StatusUrl];

    /// <summary>The port of <see cref="StatusUrl"/>.</summary>
    public int StatusPort => PortOf(StatusUrl);

    /// <summary>Fills what the environment gives.</summary>
    public ProxyOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ProxyUrl = Normalize(setting("KONNECTES_PROXY_LISTEN")) ?? ProxyUrl;
        StatusUrl = Normalize(setting("KONNECTES_STATUS_LISTEN")) ?? StatusUrl;
        if (setting("KONNECTES_PROXY_SSL_LISTEN") is { } ssl && !string.IsNullOrWhiteSpace(ssl))
        {
            ProxySslUrl = string.Equals(ssl.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? null : NormalizeSsl(ssl);
        }

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

    // Kong's own syntax, "0.0.0.0:8443 ssl", is accepted too; the listener is TLS whatever the scheme says.
    private static string NormalizeSsl(string url)
    {
        url = url.Trim();
        if (url.EndsWith(" ssl", StringComparison.OrdinalIgnoreCase))
        {
            url = url[..^4].TrimEnd();
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        return "https://" + (separator < 0 ? url : url[(separator + 3)..]);
    }

    private static int PortOf(string url) =>
        new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port;
}
