namespace KonnectES.Domain;

/// <summary>Passive health checks.</summary>
public sealed record PassiveHealthcheck
{
    /// <summary>tcp, http, https, grpc or grpcs.</summary>
    public string Type { get; init; } = "http";

    /// <summary>When a target counts as healthy.</summary>
    public PassiveHealthy Healthy { get; init; } = new();

    /// <summary>When a target counts as unhealthy.</summary>
    public PassiveUnhealthy Unhealthy { get; init; } = new();
}
