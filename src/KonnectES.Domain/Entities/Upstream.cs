namespace KonnectES.Domain;

/// <summary>A Kong upstream: a virtual host name load-balanced over its targets.</summary>
public sealed record Upstream : ConfigEntity
{
    /// <summary>Required, unique hostname (no IP, no port).</summary>
    public string Name { get; init; } = "";

    /// <summary>round-robin, consistent-hashing, least-connections or latency.</summary>
    public string Algorithm { get; init; } = "round-robin";

    /// <summary>none, consumer, ip, header, cookie, path, query_arg or uri_capture.</summary>
    public string HashOn { get; init; } = "none";

    /// <summary>Same values as <see cref="HashOn"/>; used when the first yields nothing.</summary>
    public string HashFallback { get; init; } = "none";

    /// <summary>Header for hash_on = header.</summary>
    public string? HashOnHeader { get; init; }

    /// <summary>Header for hash_fallback = header; must differ from <see cref="HashOnHeader"/>.</summary>
    public string? HashFallbackHeader { get; init; }

    /// <summary>Cookie for hash_on = cookie.</summary>
    public string? HashOnCookie { get; init; }

    /// <summary>Path of the generated hash cookie.</summary>
    public string HashOnCookiePath { get; init; } = "/";

    /// <summary>Query argument for hash_on = query_arg.</summary>
    public string? HashOnQueryArg { get; init; }

    /// <summary>Query argument for hash_fallback = query_arg.</summary>
    public string? HashFallbackQueryArg { get; init; }

    /// <summary>Capture for hash_on = uri_capture.</summary>
    public string? HashOnUriCapture { get; init; }

    /// <summary>Capture for hash_fallback = uri_capture.</summary>
    public string? HashFallbackUriCapture { get; init; }

    /// <summary>Ring size, 10..65536.</summary>
    public int Slots { get; init; } = 10000;

    /// <summary>Host header sent upstream (host[:port]).</summary>
    public string? HostHeader { get; init; }

    /// <summary>Client certificate for upstream mTLS.</summary>
    public Guid? ClientCertificateId { get; init; }

    /// <summary>Use the SRV record name as Host/SNI.</summary>
    public bool UseSrvName { get; init; }

    /// <summary>Sticky-sessions cookie name (Kong 3.11+ field).</summary>
    public string? StickySessionsCookie { get; init; }

    /// <summary>Sticky-sessions cookie path (Kong 3.11+ field).</summary>
    public string StickySessionsCookiePath { get; init; } = "/";

    /// <summary>Active and passive health checks; Kong's defaults switch every probe off.</summary>
    public Healthchecks Healthchecks { get; init; } = new();

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Upstream;

    /// <inheritdoc />
    public override string? DisplayName => Name;
}
