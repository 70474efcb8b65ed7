using System.Collections.Immutable;

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

/// <summary>Passive checks: healthy transition.</summary>
public sealed record PassiveHealthy
{
    /// <summary>0..255.</summary>
    public int Successes { get; init; }

    /// <summary>Statuses counted as success.</summary>
    public ImmutableArray<int> HttpStatuses { get; init; } =
        [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308];
}

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
