using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// What a compiled table hands the next compile: every service and every compiled route with the exact JSON it was
/// compiled from. A route whose JSON and service did not change is taken over as it is, without being parsed again.
/// </summary>
internal sealed class RouteReuse
{
    /// <summary>Nothing to take over.</summary>
    public static RouteReuse None { get; } = new();

    /// <summary>Services by id.</summary>
    public Dictionary<string, ServiceEntry> Services { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Compiled routes by id (routes that failed to compile are not kept).</summary>
    public Dictionary<string, RouteEntry> Routes { get; } = new(StringComparer.Ordinal);

    /// <summary>A service as compiled from <paramref name="Json"/>.</summary>
    /// <param name="Json">The service's JSON (UTF-8, as it appeared in the snapshot).</param>
    /// <param name="Info">What was compiled from it (with its upstream).</param>
    internal sealed record ServiceEntry(byte[] Json, ServiceInfo Info);

    /// <summary>A route's sub-routes as compiled from <paramref name="Json"/> for <paramref name="Service"/>.</summary>
    /// <param name="Json">The route's JSON (UTF-8, as it appeared in the snapshot).</param>
    /// <param name="Service">The service the sub-routes point to (the very object), or null.</param>
    /// <param name="SubRoutes">The route's sub-routes.</param>
    internal sealed record RouteEntry(byte[] Json, ServiceInfo? Service, ImmutableArray<CompiledRoute> SubRoutes);
}
