namespace KonnectES.DataPlane.Balancing;

/// <summary>Node-level settings of the balancers (Kong's DNS client and health-check store settings).</summary>
internal sealed record BalancingOptions
{
    /// <summary>
    /// How long a resolved target hostname is used before it is resolved again. The platform resolver does not expose
    /// record TTLs, so this stands in for them.
    /// </summary>
    public TimeSpan DnsTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed lookup is remembered before it is retried (Kong's balancer re-queries failures every 30 s).</summary>
    public TimeSpan DnsErrorTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the health of a removed target is kept so that a target re-added soon resumes it (Kong: 300 s).</summary>
    public TimeSpan HealthRetention { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The defaults.</summary>
    public static BalancingOptions Default { get; } = new();
}
