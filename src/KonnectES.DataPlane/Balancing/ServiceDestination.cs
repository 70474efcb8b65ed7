namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Where a service's requests go: through <see cref="Balancer"/> when the service's host names an upstream (the port
/// is then the targets'), otherwise straight to <see cref="Host"/>:<see cref="Port"/>.
/// </summary>
internal sealed record ServiceDestination(string Host, int Port, Balancer? Balancer)
{
    /// <summary>True when the host is an upstream's name.</summary>
    public bool IsBalanced => Balancer is not null;
}
