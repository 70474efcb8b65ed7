using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Active health probes.</summary>
public sealed record ActiveHealthcheck
{
    /// <summary>tcp, http, https, grpc or grpcs.</summary>
    public string Type { get; init; } = "http";

    /// <summary>Seconds, 0..65535.</summary>
    public double Timeout { get; init; } = 1;

    /// <summary>1..2^31.</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>Probe path.</summary>
    public string HttpPath { get; init; } = "/";

    /// <summary>Verify the target's certificate on https probes.</summary>
    public bool HttpsVerifyCertificate { get; init; } = true;

    /// <summary>SNI for https probes.</summary>
    public string? HttpsSni { get; init; }

    /// <summary>Extra probe headers.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>>? Headers { get; init; }

    /// <summary>When a target counts as healthy.</summary>
    public ActiveHealthy Healthy { get; init; } = new();

    /// <summary>When a target counts as unhealthy.</summary>
    public ActiveUnhealthy Unhealthy { get; init; } = new();
}
