namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// The address a balancer chose for one try, holding a lease on it: dispose it when the try ends so that
/// least-connections sees the address's active requests. Report the try's outcome with
/// <see cref="Balancing.Balancer.ReportResult"/> before disposing.
/// </summary>
internal sealed class TargetSelection : IDisposable
{
    private int _released;

    internal TargetSelection(Balancer balancer, BalancerAddress address, string? hashInput, HashCookie? setCookie)
    {
        Balancer = balancer;
        Address = address;
        HashInput = hashInput;
        SetCookie = setCookie;
        address.Health.Acquire();
    }

    /// <summary>The balancer that chose this address.</summary>
    public Balancer Balancer { get; }

    /// <summary>The IP to connect to (IPv6 in brackets, ready for a URL).</summary>
    public string Host => Address.Ip;

    /// <summary>The port to connect to.</summary>
    public int Port => Address.Port;

    /// <summary>The target entity this address belongs to.</summary>
    public Guid TargetId => Address.Target.Id;

    /// <summary>The target as configured (<c>host:port</c>).</summary>
    public string Target => Address.Target.Target;

    /// <summary>
    /// The name for the upstream <c>Host</c> header when the route does not preserve the client's: the upstream's
    /// <c>host_header</c>, else the target's hostname (or its IP).
    /// </summary>
    public string HostName => Balancer.Definition.HostHeader ?? Address.Target.Host;

    /// <summary>A cookie the response must set (consistent hashing on a cookie the client did not send), or null.</summary>
    public HashCookie? SetCookie { get; }

    internal BalancerAddress Address { get; }

    /// <summary>The value consistent hashing hashed for this request (kept for its retries), or null for other algorithms.</summary>
    internal string? HashInput { get; }

    /// <summary>Ends the lease (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Address.Health.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => Address.ToString();
}
