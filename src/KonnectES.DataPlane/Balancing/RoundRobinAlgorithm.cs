using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Kong's weighted round-robin (kong/runloop/balancer/round_robin.lua): a wheel holding each address weight/gcd times,
/// shuffled once when built, walked by a shared pointer. Unavailable addresses are skipped, so shares stay
/// proportional to the weights of the addresses that take traffic.
/// </summary>
internal sealed class RoundRobinAlgorithm : IBalancingAlgorithm
{
    /// <summary>Above this many slots the weights are scaled down (proportions kept within one slot per address).</summary>
    private const int MaxWheel = 1 << 20;

    private readonly BalancerAddress[] _wheel;
    private int _pointer = -1;

    public RoundRobinAlgorithm(ImmutableArray<BalancerAddress> addresses)
    {
        var weighted = addresses.Where(a => a.Weight > 0).ToList();
        var divisor = weighted.Aggregate(0, (g, a) => Gcd(g, a.Weight));
        long total = weighted.Sum(a => (long)(a.Weight / divisor));
        var scale = total > MaxWheel ? (double)MaxWheel / total : 1;
        var wheel = new List<BalancerAddress>();
        foreach (var address in weighted)
        {
            var points = Math.Max(1, (int)(address.Weight / divisor * scale));
            wheel.AddRange(Enumerable.Repeat(address, points));
        }

        _wheel = [.. wheel];
        Random.Shared.Shuffle(_wheel);
    }

    /// <summary>The wheel's size (the sum of weight/gcd).</summary>
    public int WheelSize => _wheel.Length;

    public BalancerAddress? Pick(string? hashValue, Func<BalancerAddress, bool> candidate)
    {
        var length = (uint)_wheel.Length;
        if (length == 0)
        {
            return null;
        }

        var start = (uint)Interlocked.Increment(ref _pointer);
        for (uint i = 0; i < length; i++)
        {
            var address = _wheel[(start + i) % length];
            if (candidate(address))
            {
                return address;
            }
        }

        return null;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
