using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Resolves target hostnames and caches the answers, shared by successive compiled configurations. Like Kong's
/// default <c>dns_order</c> (LAST, SRV, A, CNAME) it prefers IPv4 addresses and uses IPv6 only for names without any.
/// </summary>
internal sealed class DnsCache(BalancingOptions options)
{
    private readonly ConcurrentDictionary<string, DnsEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cached entry for <paramref name="host"/>, resolving it when missing or expired.</summary>
    public DnsEntry Lookup(string host)
    {
        var now = options.Time.GetUtcNow();
        if (_entries.TryGetValue(host, out var entry) && entry.ExpiresAt > now)
        {
            return entry;
        }

        return _entries[host] = Resolve(host, now);
    }

    /// <summary>True when the cached entry for <paramref name="host"/> has expired (or there is none).</summary>
    public bool IsExpired(string host) => !_entries.TryGetValue(host, out var entry) || entry.ExpiresAt <= options.Time.GetUtcNow();

    private DnsEntry Resolve(string host, DateTimeOffset now)
    {
        try
        {
            var all = Dns.GetHostAddresses(host);
            var v4 = all.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList();
            var chosen = v4.Count > 0 ? v4 : all.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToList();
            if (chosen.Count == 0)
            {
                return new DnsEntry([], now + options.DnsErrorTtl, "empty record received");
            }

            var addresses = chosen.Select(Format).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            return new DnsEntry(addresses, now + options.DnsTtl, null);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return new DnsEntry([], now + options.DnsErrorTtl, ex.Message);
        }
    }

    private static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
