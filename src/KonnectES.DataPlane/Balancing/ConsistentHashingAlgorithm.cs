using System.Collections.Immutable;
using System.Text;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Kong's consistent hashing (kong/runloop/balancer/consistent_hashing.lua): a Ketama continuum of <c>slots</c> points
/// (1000 when out of range), each address taking about weight/total × targets × 160 points named
/// <c>"ip::port i"</c> and hashed with xxHash32, addresses sorted first so the layout does not depend on order.
/// A request's hash picks a point; the walk goes down the continuum to the first address that takes traffic, so
/// unhealthy addresses keep their points and only their keys move.
/// </summary>
internal sealed class ConsistentHashingAlgorithm : IBalancingAlgorithm
{
    private const int DefaultPoints = 1000;
    private const int ServerPoints = 160;

    private readonly BalancerAddress?[] _continuum;

    public ConsistentHashingAlgorithm(ImmutableArray<BalancerAddress> addresses, int targetCount, int slots)
    {
        var points = slots >= DefaultPoints ? slots : DefaultPoints;
        _continuum = new BalancerAddress?[points];
        var totalWeight = addresses.Sum(a => (long)a.Weight);
        var sorted = addresses
            .OrderBy(a => a.Target.Host, StringComparer.Ordinal).ThenBy(a => a.Target.Port)
            .ThenBy(a => $"{a.Ip}:{a.Port}", StringComparer.Ordinal);
        foreach (var address in sorted)
        {
            var entries = totalWeight == 0 ? 0 : (int)Math.Floor((double)address.Weight / totalWeight * targetCount * ServerPoints);
            if (address.Weight > 0 && entries == 0)
            {
                entries = 1;
            }

            for (var i = 1; i <= entries && i <= points; i++)
            {
                var index = Index($"{address.Ip}::{address.Port} {i}");
                if (_continuum[index] is null)
                {
                    _continuum[index] = address;
                }
                else
                {
                    entries++;
                }
            }
        }
    }

    /// <summary>The continuum's size.</summary>
    public int Points => _continuum.Length;

    /// <summary>How many points each address holds.</summary>
    public IReadOnlyDictionary<string, int> PointCounts() => _continuum
        .OfType<BalancerAddress>()
        .GroupBy(a => $"{a.Ip}:{a.Port}")
        .ToDictionary(g => g.Key, g => g.Count());

    public BalancerAddress? Pick(string? hashValue, Func<BalancerAddress, bool> candidate)
    {
        var index = Index(hashValue ?? "");
        for (var n = 0; n < _continuum.Length; n++)
        {
            if (_continuum[index] is { } address && candidate(address))
            {
                return address;
            }

            index = index == 0 ? _continuum.Length - 1 : index - 1;
        }

        return null;
    }

    private int Index(string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(value) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(value, buffer)] : Encoding.UTF8.GetBytes(value);
        return (int)(XxHash32.Hash(bytes) % (uint)_continuum.Length);
    }
}
