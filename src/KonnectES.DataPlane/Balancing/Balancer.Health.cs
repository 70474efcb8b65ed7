using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

internal sealed partial class Balancer
{
    /// <summary>
    /// Whether the upstream takes traffic: Kong's <c>updateStatus</c> rule, available weight / total weight × 100 above
    /// <c>healthchecks.threshold</c>; a total weight of 0 is unhealthy.
    /// </summary>
    public bool IsHealthy() => IsHealthy(_layout);

    /// <summary>
    /// Passive health check: counts the outcome of a proxied try against the address in <paramref name="selection"/>
    /// with the upstream's <c>healthchecks.passive</c> thresholds, and feeds the latency average. Passive checks only
    /// take a target out: once unhealthy it gets no traffic until active checks or <see cref="SetTargetHealth"/> bring it back.
    /// </summary>
    public void ReportResult(TargetSelection selection, PeerResult result)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var address = selection.Address;
        if (Definition.Algorithm == "latency" && result.Outcome == PeerOutcome.Response)
        {
            address.Health.Ewma(_options.Time.GetUtcNow().UtcTicks, result.Elapsed.TotalSeconds, update: true);
        }

        if (Definition.UsesHealthchecks)
        {
            var passive = Definition.Healthchecks.Passive;
            Count(address.Health, result, passive.Healthy.HttpStatuses, passive.Healthy.Successes,
                passive.Unhealthy.HttpStatuses, passive.Unhealthy.HttpFailures, passive.Unhealthy.TcpFailures, passive.Unhealthy.Timeouts);
        }
    }

    /// <summary>Active health check: counts a probe's outcome with the upstream's <c>healthchecks.active</c> thresholds.</summary>
    internal void ReportProbe(BalancerAddress address, PeerResult result)
    {
        var active = Definition.Healthchecks.Active;
        Count(address.Health, result, active.Healthy.HttpStatuses, active.Healthy.Successes,
            active.Unhealthy.HttpStatuses, active.Unhealthy.HttpFailures, active.Unhealthy.TcpFailures, active.Unhealthy.Timeouts);
    }

    /// <summary>
    /// Forces every address of a target healthy or unhealthy and clears its counters, like Kong's
    /// <c>PUT /upstreams/{u}/targets/{t}/healthy</c>. False when the target is unknown or the upstream has no health checks.
    /// </summary>
    public bool SetTargetHealth(Guid targetId, bool healthy)
    {
        if (!Definition.UsesHealthchecks)
        {
            return false;
        }

        var found = false;
        foreach (var address in _layout.Addresses.Where(a => a.Target.Id == targetId))
        {
            address.Health.Set(healthy);
            found = true;
        }

        return found;
    }

    /// <summary>
    /// The upstream's own health as Kong's <c>/upstreams/{u}/health?balancer_health=1</c> names it: HEALTHCHECKS_OFF
    /// without health checks, else HEALTHY or UNHEALTHY by the threshold rule.
    /// </summary>
    public TargetHealthStatus UpstreamHealth() =>
        !Definition.UsesHealthchecks ? TargetHealthStatus.HealthchecksOff
        : IsHealthy() ? TargetHealthStatus.Healthy
        : TargetHealthStatus.Unhealthy;

    /// <summary>Each target's health with its addresses, named as Kong names them.</summary>
    public IEnumerable<TargetHealthReport> HealthReport()
    {
        var layout = _layout;
        var uses = Definition.UsesHealthchecks;
        foreach (var target in Definition.Targets)
        {
            var addresses = layout.Addresses.Where(a => a.Target.Id == target.Id)
                .Select(a => new AddressHealthReport(a.Ip, a.Port, a.Weight,
                    !uses ? TargetHealthStatus.HealthchecksOff : a.Health.IsHealthy ? TargetHealthStatus.Healthy : TargetHealthStatus.Unhealthy))
                .ToImmutableArray();
            var health = addresses.IsEmpty ? TargetHealthStatus.DnsError
                : !uses ? TargetHealthStatus.HealthchecksOff
                : addresses.Any(a => a.Health == TargetHealthStatus.Healthy) ? TargetHealthStatus.Healthy
                : TargetHealthStatus.Unhealthy;
            yield return new TargetHealthReport(Id, Name, target.Id, target.Target, target.Weight, health, addresses);
        }
    }

    private static void Count(
        AddressHealth health, PeerResult result,
        ImmutableArray<int> healthyStatuses, int successes,
        ImmutableArray<int> unhealthyStatuses, int httpFailures, int tcpFailures, int timeouts)
    {
        switch (result.Outcome)
        {
            case PeerOutcome.Connected:
                health.Count(true, HealthCounter.Success, successes);
                break;
            case PeerOutcome.TcpFailure:
                health.Count(false, HealthCounter.TcpFailure, tcpFailures);
                break;
            case PeerOutcome.Timeout:
                health.Count(false, HealthCounter.Timeout, timeouts);
                break;
            case PeerOutcome.Response when healthyStatuses.Contains(result.StatusCode):
                health.Count(true, HealthCounter.Success, successes);
                break;
            case PeerOutcome.Response when unhealthyStatuses.Contains(result.StatusCode) || result.StatusCode == 0:
                health.Count(false, HealthCounter.HttpFailure, httpFailures);
                break;
            default:
                // A status in neither list is ignored (lua-resty-healthcheck's report_http_status).
                break;
        }
    }

    private bool IsHealthy(BalancerLayout layout)
    {
        var version = _registry.Version;
        if (_health is { } cached && cached.Version == version && ReferenceEquals(cached.Layout, layout))
        {
            return cached.Healthy;
        }

        var available = 0L;
        foreach (var address in layout.Addresses)
        {
            if (IsAvailable(address))
            {
                available += address.Weight;
            }
        }

        var healthy = layout.TotalWeight > 0 && available * 100.0 / layout.TotalWeight > Definition.Healthchecks.Threshold;
        _health = new HealthSnapshot(version, layout, healthy);
        return healthy;
    }

    private sealed record HealthSnapshot(long Version, BalancerLayout Layout, bool Healthy);
}
