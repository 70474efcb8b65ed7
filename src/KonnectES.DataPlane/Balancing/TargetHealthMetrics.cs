using System.Globalization;
using System.Text;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Target health in Prometheus text as Kong's Prometheus plugin exposes it: <c>kong_upstream_target_health</c>, one
/// series per upstream, target, address and state, 1 for the state the address is in and 0 for the others (a target
/// without addresses reports <c>dns_error</c> with an empty address).
/// </summary>
internal static class TargetHealthMetrics
{
    private static readonly (TargetHealthStatus Status, string Label)[] States =
    [
        (TargetHealthStatus.HealthchecksOff, "healthchecks_off"),
        (TargetHealthStatus.Healthy, "healthy"),
        (TargetHealthStatus.Unhealthy, "unhealthy"),
        (TargetHealthStatus.DnsError, "dns_error"),
    ];

    public static void Write(StringBuilder text, IEnumerable<TargetHealthReport> targets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(targets);
        text.Append("# HELP kong_upstream_target_health Health status of targets of upstream. States = healthchecks_off|healthy|unhealthy|dns_error, value is 1 when state is populated.\n");
        text.Append("# TYPE kong_upstream_target_health gauge\n");
        foreach (var target in targets)
        {
            var addresses = target.Addresses.IsEmpty
                ? [("", TargetHealthStatus.DnsError)]
                : target.Addresses.Select(a => ($"{a.Ip}:{a.Port}", a.Health)).ToList();
            foreach (var (address, health) in addresses)
            {
                foreach (var (status, label) in States)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"kong_upstream_target_health{{upstream=\"{Escape(target.Upstream)}\",target=\"{Escape(target.Target)}\",address=\"{Escape(address)}\",state=\"{label}\",subsystem=\"http\"}} {(status == health ? 1 : 0)}\n");
                }
            }
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
