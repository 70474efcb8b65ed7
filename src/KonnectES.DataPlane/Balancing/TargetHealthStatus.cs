using System.Text.Json.Serialization;

namespace KonnectES.DataPlane.Balancing;

/// <summary>A target's health as Kong's <c>/upstreams/{u}/health</c> names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetHealthStatus>))]
internal enum TargetHealthStatus
{
    /// <summary>At least one address takes traffic.</summary>
    [JsonStringEnumMemberName("HEALTHY")]
    Healthy,

    /// <summary>Every address was marked unhealthy by the health checks.</summary>
    [JsonStringEnumMemberName("UNHEALTHY")]
    Unhealthy,

    /// <summary>The target's hostname did not resolve to any address.</summary>
    [JsonStringEnumMemberName("DNS_ERROR")]
    DnsError,

    /// <summary>The upstream has neither active nor passive checks, so every address takes traffic.</summary>
    [JsonStringEnumMemberName("HEALTHCHECKS_OFF")]
    HealthchecksOff,
}
