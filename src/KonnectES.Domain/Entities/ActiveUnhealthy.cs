using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Active probes: unhealthy transition.</summary>
public sealed record ActiveUnhealthy
{
    /// <summary>Seconds between probes of unhealthy targets; 0 = off.</summary>
    public double Interval { get; init; }

    /// <summary>0..255.</summary>
    public int TcpFailures { get; init; }

    /// <summary>0..255.</summary>
    public int Timeouts { get; init; }

    /// <summary>0..255.</summary>
    public int HttpFailures { get; init; }

    /// <summary>Statuses counted as failure.</summary>
    public ImmutableArray<int> HttpStatuses { get; init; } = [429, 404, 500, 501, 502, 503, 504, 505];
}
