using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Active probes: healthy transition.</summary>
public sealed record ActiveHealthy
{
    /// <summary>Seconds between probes of healthy targets; 0 = off.</summary>
    public double Interval { get; init; }

    /// <summary>Successes to become healthy, 0..255.</summary>
    public int Successes { get; init; }

    /// <summary>Statuses counted as success.</summary>
    public ImmutableArray<int> HttpStatuses { get; init; } = [200, 302];
}
