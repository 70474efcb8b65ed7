using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>The route fields the proxy needs after a match (Kong's route entity, reference §2.2).</summary>
internal sealed record RouteInfo
{
    /// <summary>The route's UUID as the snapshot spells it.</summary>
    public required string Id { get; init; }

    /// <summary>Optional unique name.</summary>
    public string? Name { get; init; }

    /// <summary>http/https, grpc/grpcs or ws/wss; checked after the match (426, redirects, 415).</summary>
    public ImmutableArray<string> Protocols { get; init; } = ["http", "https"];

    /// <summary>Strip the matched prefix (or the whole regex match) before proxying.</summary>
    public bool StripPath { get; init; } = true;

    /// <summary>Send the client's Host header upstream.</summary>
    public bool PreserveHost { get; init; }

    /// <summary>
    /// v0 or v1 as configured. The traditional_compatible router computes every upstream path with the v0 rules
    /// (kong/router/atc.lua calls <c>get_upstream_uri_v0</c> only); the field is kept for plugins and logs.
    /// </summary>
    public string PathHandling { get; init; } = "v0";

    /// <summary>Buffer the request body before proxying.</summary>
    public bool RequestBuffering { get; init; } = true;

    /// <summary>Buffer the response body before returning it.</summary>
    public bool ResponseBuffering { get; init; } = true;

    /// <summary>What an https-only route answers to plain http: 426, or a redirect with 301, 302, 307 or 308.</summary>
    public int HttpsRedirectStatusCode { get; init; } = 426;

    /// <summary>The route's tags.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>True when the protocols hold https but not http: plain-http requests get <see cref="HttpsRedirectStatusCode"/>.</summary>
    public bool HttpsOnly => Protocols.Contains("https") && !Protocols.Contains("http");

    /// <summary>True for grpc/grpcs routes: non-gRPC requests get 415, gRPC over HTTP/1 gets 426.</summary>
    public bool IsGrpc => Protocols.Contains("grpc") || Protocols.Contains("grpcs");

    /// <summary>True when the route accepts grpcs but not grpc.</summary>
    public bool GrpcsOnly => Protocols.Contains("grpcs") && !Protocols.Contains("grpc");
}
