using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Passive checks: unhealthy transition.</summary>
public sealed record PassiveUnhealthy
{
    /// <summary>0..255.</summary>
    public int TcpFailures { get; init; }

    /// <summary>0..255.</summary>
    public int Timeouts { get; init; }

    /// <summary>0..255.</summary>
    public int HttpFailures { get; init; }

    /// <summary>Statuses counted as failure.</summary>
    public ImmutableArray<int> HttpStatuses { get; init; } = [429, 500, 503];
}
