using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Sync;

/// <summary>The target health of the upstream set in force, as the heartbeat reports it.</summary>
internal sealed class UpstreamTargetHealth(Func<UpstreamSet> current) : ITargetHealthSource
{
    /// <inheritdoc />
    public long Generation => current().Registry.Version;

    /// <inheritdoc />
    public IReadOnlyList<TargetHealthEntry> Read() =>
    [
        .. current().HealthReport()
            .Select(t => new TargetHealthEntry(t.UpstreamId, t.Upstream, t.Target, Name(t.Health)))
            .DistinctBy(t => (t.UpstreamId, t.Target))
            .OrderBy(t => t.UpstreamId)
            .ThenBy(t => t.Target, StringComparer.Ordinal),
    ];

    /// <summary>Kong's name of a health state, as <c>/upstreams/{u}/health</c> shows it.</summary>
    public static string Name(TargetHealthStatus health) => health switch
    {
        TargetHealthStatus.Healthy => "HEALTHY",
        TargetHealthStatus.Unhealthy => "UNHEALTHY",
        TargetHealthStatus.DnsError => "DNS_ERROR",
        _ => "HEALTHCHECKS_OFF",
    };
}
