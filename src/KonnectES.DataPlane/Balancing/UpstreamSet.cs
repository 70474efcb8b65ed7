using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Every upstream's balancer for one snapshot, looked up by name (what a service's host names) or id. Compiled off the
/// request path and swapped as a whole; address health, DNS answers and active connections carry over from the
/// previous set, so a configuration swap does not reset health.
/// </summary>
internal sealed class UpstreamSet
{
    private readonly FrozenDictionary<string, Balancer> _byName;
    private readonly FrozenDictionary<Guid, Balancer> _byId;

    private UpstreamSet(ImmutableArray<Balancer> balancers, HealthRegistry registry, DnsCache dns, BalancingOptions options)
    {
        Balancers = balancers;
        Registry = registry;
        Dns = dns;
        Options = options;
        _byName = balancers.DistinctBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
        _byId = balancers.ToFrozenDictionary(b => b.Id);
    }

    /// <summary>A new set without upstreams (the state before the first snapshot), with its own health and DNS state.</summary>
    public static UpstreamSet Empty(BalancingOptions? options = null)
    {
        options ??= BalancingOptions.Default;
        return new UpstreamSet([], new HealthRegistry(), new DnsCache(options), options);
    }

    /// <summary>The balancers, in snapshot order.</summary>
    public ImmutableArray<Balancer> Balancers { get; }

    internal HealthRegistry Registry { get; }

    internal DnsCache Dns { get; }

    internal BalancingOptions Options { get; }

    /// <summary>
    /// Builds the balancers of <paramref name="snapshot"/>. Hostname targets are resolved now (through the DNS cache
    /// shared with <paramref name="previous"/>); health of addresses that <paramref name="previous"/> knew is kept.
    /// </summary>
    public static UpstreamSet Compile(JsonElement snapshot, UpstreamSet? previous, BalancingOptions? options = null) =>
        Compile(SnapshotSections.Of(snapshot), previous, options);

    /// <inheritdoc cref="Compile(JsonElement, UpstreamSet?, BalancingOptions?)" />
    public static UpstreamSet Compile(SnapshotSections snapshot, UpstreamSet? previous, BalancingOptions? options = null)
    {
        options ??= previous?.Options ?? BalancingOptions.Default;
        var registry = HealthRegistry.CarryOver(previous?.Registry);
        var dns = previous?.Dns ?? new DnsCache(options);
        var balancers = SnapshotUpstreams.Read(snapshot)
            .Select(d => new Balancer(d, registry, dns, options))
            .ToImmutableArray();
        var inUse = balancers.SelectMany(b => b.Addresses).Select(a => a.Key).ToHashSet();
        registry.Sweep(inUse, options.Time.GetUtcNow(), options.HealthRetention);
        return new UpstreamSet(balancers, registry, dns, options);
    }

    /// <summary>The balancer of the upstream named <paramref name="name"/>, or null.</summary>
    public Balancer? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The balancer of the upstream with id <paramref name="id"/>, or null.</summary>
    public Balancer? FindById(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Where a service with <paramref name="host"/> and <paramref name="port"/> sends requests: its upstream's balancer
    /// when the host names one (Kong ignores the service port then), else the host and port themselves.
    /// </summary>
    public ServiceDestination ResolveService(string host, int port) =>
        FindByName(host) is { } balancer ? new ServiceDestination(host, port, balancer) : new ServiceDestination(host, port, null);

    /// <summary><see cref="ResolveService(string, int)"/> for a snapshot <c>services</c> entry (port 80 when absent).</summary>
    public ServiceDestination ResolveService(JsonElement service)
    {
        var host = service.GetProperty("host").GetString() ?? "";
        var port = service.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 80;
        return ResolveService(host, port);
    }

    /// <summary>Every target's health on this node, for the status report.</summary>
    public IReadOnlyList<TargetHealthReport> HealthReport() => [.. Balancers.SelectMany(b => b.HealthReport())];

    /// <summary>Re-resolves expired target hostnames; returns how many balancers changed their addresses.</summary>
    public int RefreshDns() => Balancers.Count(b => b.RefreshDns());
}
