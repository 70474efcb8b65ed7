using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// One upstream's ring balancer: its targets resolved to addresses, Kong's algorithm over them, and the health of
/// each address. The configuration is immutable; address health, active connections and latency are shared
/// runtime state that survives recompiles.
/// </summary>
internal sealed partial class Balancer
{
    private readonly HealthRegistry _registry;
    private readonly DnsCache _dns;
    private readonly BalancingOptions _options;
    private volatile BalancerLayout _layout;
    private volatile HealthSnapshot? _health;

    /// <summary>The message of Kong's 503 when <see cref="Select"/> finds no peer.</summary>
    public const string NoPeerMessage = "failure to get a peer from the ring-balancer";

    internal Balancer(UpstreamDefinition definition, HealthRegistry registry, DnsCache dns, BalancingOptions options)
    {
        Definition = definition;
        _registry = registry;
        _dns = dns;
        _options = options;
        _layout = Build();
    }

    /// <summary>The upstream as configured.</summary>
    public UpstreamDefinition Definition { get; }

    /// <summary>The upstream's id.</summary>
    public Guid Id => Definition.Id;

    /// <summary>The upstream's name (the host services use to select it).</summary>
    public string Name => Definition.Name;

    /// <summary>The current addresses.</summary>
    internal ImmutableArray<BalancerAddress> Addresses => _layout.Addresses;

    internal BalancerLayout Layout => _layout;

    /// <summary>
    /// Chooses an address for <paramref name="request"/>, or returns null when there is no peer: the upstream is
    /// unhealthy (Kong's threshold rule) or no address takes traffic. The proxy host then answers 503 with
    /// <see cref="NoPeerMessage"/>. Addresses in <see cref="BalancerRequest.Tried"/>
    /// are skipped while another one is available.
    /// </summary>
    public TargetSelection? Select(BalancerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layout = _layout;
        if (!IsHealthy(layout))
        {
            return null;
        }

        HashCookie? cookie = null;
        string? hash = null;
        if (layout.Algorithm is ConsistentHashingAlgorithm)
        {
            // Kong hashes once per request and keeps the value for its retries (and the cookie it generated).
            if (request.Tried.Count > 0 && request.Tried[0].HashInput is { } first)
            {
                hash = first;
                cookie = request.Tried[0].SetCookie;
            }
            else
            {
                hash = HashValue(request, out cookie) ?? "";
            }
        }

        var address = request.Tried.Count == 0
            ? layout.Algorithm.Pick(hash, IsAvailable)
            : layout.Algorithm.Pick(hash, a => IsAvailable(a) && !WasTried(request.Tried, a)) ?? layout.Algorithm.Pick(hash, IsAvailable);
        return address is null ? null : new TargetSelection(this, address, hash, cookie);
    }

    /// <summary>
    /// Re-resolves hostname targets whose DNS answers expired and, when the addresses changed, swaps in a rebuilt
    /// layout (address health is kept). Returns true when the layout changed.
    /// </summary>
    public bool RefreshDns()
    {
        var layout = _layout;
        var expired = Definition.Targets.Any(t => !t.IsIp && _dns.IsExpired(t.Host));
        if (!expired)
        {
            return false;
        }

        var rebuilt = Build();
        var before = layout.Addresses.Select(a => a.Key).ToHashSet();
        if (before.SetEquals(rebuilt.Addresses.Select(a => a.Key)))
        {
            _layout = new BalancerLayout(layout.Addresses, layout.Algorithm, rebuilt.Dns);
            return false;
        }

        _layout = rebuilt;
        return true;
    }

    private bool IsAvailable(BalancerAddress address) =>
        address.Weight > 0 && (!Definition.UsesHealthchecks || address.Health.IsHealthy);

    private static bool WasTried(IReadOnlyList<TargetSelection> tried, BalancerAddress address)
    {
        foreach (var selection in tried)
        {
            if (selection.Address.Key == address.Key)
            {
                return true;
            }
        }

        return false;
    }

    private BalancerLayout Build()
    {
        var addresses = ImmutableArray.CreateBuilder<BalancerAddress>();
        var dns = ImmutableDictionary.CreateBuilder<Guid, DnsEntry>();
        foreach (var target in Definition.Targets)
        {
            IEnumerable<string> ips = [target.Host];
            if (!target.IsIp)
            {
                var entry = _dns.Lookup(target.Host);
                dns[target.Id] = entry;
                ips = entry.Addresses;
            }

            foreach (var ip in ips)
            {
                var key = new AddressKey(Definition.Id, target.Host, target.Port, ip, target.Port);
                addresses.Add(new BalancerAddress(key, target, target.Weight, _registry.For(key)));
            }
        }

        var all = addresses.ToImmutable();
        IBalancingAlgorithm algorithm = Definition.Algorithm switch
        {
            "consistent-hashing" => new ConsistentHashingAlgorithm(all, Definition.Targets.Length, Definition.Slots),
            "least-connections" => new LeastConnectionsAlgorithm(all),
            "latency" => new LatencyAlgorithm(all, _options.Time),
            _ => new RoundRobinAlgorithm(all),
        };
        return new BalancerLayout(all, algorithm, dns.ToImmutable());
    }
}
