namespace KonnectES.DataPlane.Routing;

/// <summary>The request values <see cref="ForwardedHeaders"/> works from (what nginx exposes to Kong as variables).</summary>
internal sealed record ForwardedRequest
{
    /// <summary>The address of the peer that connected (nginx <c>$realip_remote_addr</c>).</summary>
    public required string ClientAddress { get; init; }

    /// <summary>True when <see cref="ClientAddress"/> is in <c>trusted_ips</c>: only then are incoming X-Forwarded-* and X-Real-IP believed.</summary>
    public bool Trusted { get; init; }

    /// <summary><c>http</c> or <c>https</c>: the client connection's scheme.</summary>
    public required string Scheme { get; init; }

    /// <summary>The Host header as sent (Kong forwards nginx's <c>$host</c>: lower-cased, without port).</summary>
    public string? Host { get; init; }

    /// <summary>The local port the request arrived on (nginx <c>$server_port</c>).</summary>
    public int LocalPort { get; init; }

    /// <summary>The raw request target (path and query).</summary>
    public required string RequestUri { get; init; }

    /// <summary>The client's HTTP version as Kong prints it in Via: <c>1.0</c>, <c>1.1</c>, <c>2</c> or <c>3</c>.</summary>
    public string HttpVersion { get; init; } = "1.1";

    /// <summary>What strip_path removed (<see cref="RouteMatch.StrippedPrefix"/>), or null.</summary>
    public string? StrippedPrefix { get; init; }

    /// <summary>Incoming <c>X-Forwarded-For</c> (all lines joined with ", "), or null.</summary>
    public string? XForwardedFor { get; init; }

    /// <summary>Incoming <c>X-Forwarded-Proto</c>, or null.</summary>
    public string? XForwardedProto { get; init; }

    /// <summary>Incoming <c>X-Forwarded-Host</c>, or null.</summary>
    public string? XForwardedHost { get; init; }

    /// <summary>Incoming <c>X-Forwarded-Port</c>, or null.</summary>
    public string? XForwardedPort { get; init; }

    /// <summary>Incoming <c>X-Forwarded-Path</c>, or null.</summary>
    public string? XForwardedPath { get; init; }

    /// <summary>Incoming <c>X-Forwarded-Prefix</c>, or null.</summary>
    public string? XForwardedPrefix { get; init; }

    /// <summary>Incoming <c>X-Real-IP</c>, or null (Kong's default <c>real_ip_header</c>).</summary>
    public string? XRealIp { get; init; }

    /// <summary>Incoming <c>Via</c>, or null.</summary>
    public string? Via { get; init; }
}
