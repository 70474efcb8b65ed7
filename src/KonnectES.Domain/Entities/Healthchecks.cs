namespace KonnectES.Domain;

/// <summary>An upstream's health-check settings with Kong's defaults (every counter 0 = disabled).</summary>
public sealed record Healthchecks
{
    /// <summary>Active probes.</summary>
    public ActiveHealthcheck Active { get; init; } = new();

    /// <summary>Passive checks (circuit breaker).</summary>
    public PassiveHealthcheck Passive { get; init; } = new();

    /// <summary>Percent of total target weight that must be healthy, 0..100.</summary>
    public double Threshold { get; init; }
}
