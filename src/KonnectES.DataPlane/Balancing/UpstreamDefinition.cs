using System.Collections.Immutable;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Balancing;

/// <summary>An upstream as the snapshot describes it, with its targets (in snapshot order).</summary>
internal sealed record UpstreamDefinition(
    Guid Id,
    string Name,
    string Algorithm,
    HashSource HashOn,
    HashSource HashFallback,
    string? HashOnCookie,
    string HashOnCookiePath,
    int Slots,
    string? HostHeader,
    Healthchecks Healthchecks,
    ImmutableArray<TargetDefinition> Targets)
{
    /// <summary>
    /// Kong's <c>is_upstream_using_healthcheck</c>: an active interval or a passive unhealthy counter is set. Without it
    /// every address is available and reports as HEALTHCHECKS_OFF (kong/runloop/balancer/healthcheckers.lua).
    /// </summary>
    public bool UsesHealthchecks =>
        UsesActiveChecks
        || Healthchecks.Passive.Unhealthy.TcpFailures != 0
        || Healthchecks.Passive.Unhealthy.Timeouts != 0
        || Healthchecks.Passive.Unhealthy.HttpFailures != 0;

    /// <summary>Active probes run when either interval is non-zero.</summary>
    public bool UsesActiveChecks => Healthchecks.Active.Healthy.Interval > 0 || Healthchecks.Active.Unhealthy.Interval > 0;
}
