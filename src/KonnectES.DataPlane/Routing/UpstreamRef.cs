namespace KonnectES.DataPlane.Routing;

/// <summary>An upstream a service points at by name, with what the router needs of it.</summary>
/// <param name="Id">The upstream's UUID.</param>
/// <param name="Name">The upstream's name (equal to the service host).</param>
/// <param name="HostHeader">The upstream's <c>host_header</c>: when set, the Host sent upstream instead of the target's host.</param>
internal sealed record UpstreamRef(string Id, string Name, string? HostHeader);
