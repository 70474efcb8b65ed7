using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Kong's latency algorithm (kong/runloop/balancer/latency.lua): Peak-EWMA of response times with a 10 s decay and
/// a power-of-two random choice, the lower EWMA/weight winning. New addresses start at the average of the others.
/// </summary>
internal sealed class LatencyAlgorithm : IBalancingAlgorithm
{
    private readonly ImmutableArray<BalancerAddress> _addresses;
    private readonly TimeProvider _time;

    public LatencyAlgorithm(ImmutableArray<BalancerAddress> addresses, TimeProvider time)
    {
        _addresses = [.. addresses.Where(a => a.Weight > 0)];
        _time = time;
        var now = Now();
        var known = _addresses.Where(a => a.Health.HasEwma).ToList();
        if (known.Count > 0)
        {
            var average = known.Average(a => a.Health.Ewma(now));
            foreach (var address in _addresses)
            {
                address.Health.SeedEwma(average, now);
            }
        }
    }

    public BalancerAddress? Pick(string? hashValue, Func<BalancerAddress, bool> candidate)
    {
        var candidates = _addresses.Where(candidate).ToList();
        if (candidates.Count <= 1)
        {
            return candidates.FirstOrDefault();
        }

        var first = Random.Shared.Next(candidates.Count);
        var second = Random.Shared.Next(candidates.Count - 1);
        if (second >= first)
        {
            second++;
        }

        var now = Now();
        var a = candidates[first];
        var b = candidates[second];
        return Score(b, now) < Score(a, now) ? b : a;
    }

    /// <summary>Records one response time of <paramref name="address"/>.</summary>
    public void Record(BalancerAddress address, TimeSpan elapsed) => address.Health.Ewma(Now(), elapsed.TotalSeconds, update: true);

    private static double Score(BalancerAddress address, long now) => address.Health.Ewma(now) / address.Weight;

    private long Now() => _time.GetUtcNow().UtcTicks;
}
