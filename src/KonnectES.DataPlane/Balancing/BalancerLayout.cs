using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// A balancer's addresses and the algorithm built over them. Replaced as a whole when DNS answers change, as Kong's
/// <c>afterHostUpdate</c> rebuilds the wheel or continuum.
/// </summary>
internal sealed class BalancerLayout(ImmutableArray<BalancerAddress> addresses, IBalancingAlgorithm algorithm, ImmutableDictionary<Guid, DnsEntry> dns)
{
    public ImmutableArray<BalancerAddress> Addresses { get; } = addresses;

    public IBalancingAlgorithm Algorithm { get; } = algorithm;

    /// <summary>The lookup behind each hostname target (by target id); IP targets have none.</summary>
    public ImmutableDictionary<Guid, DnsEntry> Dns { get; } = dns;

    /// <summary>The sum of the addresses' weights (Kong's <c>totalWeight</c>).</summary>
    public long TotalWeight { get; } = addresses.Sum(a => (long)a.Weight);
}
