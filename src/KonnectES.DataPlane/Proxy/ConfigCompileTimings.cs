namespace KonnectES.DataPlane.Proxy;

/// <summary>How long the parts of one configuration compile took.</summary>
/// <param name="Routes">The router (routes and services).</param>
/// <param name="Plugins">The plugins, consumers and credentials.</param>
/// <param name="Upstreams">The upstreams' balancers.</param>
/// <param name="ReusedRoutes">Routes taken over unchanged from the configuration in force.</param>
internal sealed record ConfigCompileTimings(TimeSpan Routes, TimeSpan Plugins, TimeSpan Upstreams, int ReusedRoutes)
{
    /// <summary>The configuration version compiled.</summary>
    public long Version { get; init; }

    /// <summary>True when the configuration was swapped in, false when it was refused.</summary>
    public bool Applied { get; init; }

    /// <summary>The whole compile.</summary>
    public TimeSpan Total => Routes + Plugins + Upstreams;
}
