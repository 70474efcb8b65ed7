namespace KonnectES.DataPlane.Balancing;

/// <summary>One of Kong's balancing algorithms over a fixed list of addresses.</summary>
internal interface IBalancingAlgorithm
{
    /// <summary>
    /// Picks an address for which <paramref name="candidate"/> holds, or null when none does. <paramref name="hashValue"/>
    /// is the request's hash input (consistent hashing only).
    /// </summary>
    public BalancerAddress? Pick(string? hashValue, Func<BalancerAddress, bool> candidate);
}
