using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Kong's least-connections (kong/runloop/balancer/least_connections.lua): the address with the lowest
/// (active connections + 1) / weight wins, so with no load the heaviest address goes first. Ignores <c>slots</c>.
/// </summary>
internal sealed class LeastConnectionsAlgorithm(ImmutableArray<BalancerAddress> addresses) : IBalancingAlgorithm
{
    public BalancerAddress? Pick(string? hashValue, Func<BalancerAddress, bool> candidate)
    {
        BalancerAddress? best = null;
        var bestScore = double.MaxValue;
        foreach (var address in addresses)
        {
            if (address.Weight <= 0 || !candidate(address))
            {
                continue;
            }

            var score = (address.Health.Connections + 1) / (double)address.Weight;
            if (score < bestScore)
            {
                best = address;
                bestScore = score;
            }
        }

        return best;
    }
}
