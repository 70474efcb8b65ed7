using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>A Kong route: the match rules that select a service. Empty lists mean "not set" (Kong's null).</summary>
public sealed record Route : ConfigEntity
{
    /// <summary>Optional unique name.</summary>
    public string? Name { get; init; }

    /// <summary>One family: {http,https}, {grpc,grpcs}, {tcp,tls,udp} or {tls_passthrough}. Stored sorted.</summary>
    public ImmutableArray<string> Protocols { get; init; } = ["http", "https"];

    /// <summary>Upper-case HTTP methods (a set, stored sorted).</summary>
    public ImmutableArray<string> Methods { get; init; } = [];

    /// <summary>Hosts, optionally with <c>:port</c> and one leading or trailing <c>*</c> label.</summary>
    public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Prefix paths (<c>/x</c>) or regex paths (<c>~/x$</c>).</summary>
    public ImmutableArray<string> Paths { get; init; } = [];

    /// <summary>Header name → accepted values (<c>~*</c> prefix = regex); null when not set.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>>? Headers { get; init; }

    /// <summary>SNIs (https, grpcs, tls, tls_passthrough only).</summary>
    public ImmutableArray<string> Snis { get; init; } = [];

    /// <summary>Stream route sources.</summary>
    public ImmutableArray<RouteEndpoint> Sources { get; init; } = [];

    /// <summary>Stream route destinations.</summary>
    public ImmutableArray<RouteEndpoint> Destinations { get; init; } = [];

    /// <summary>426, 301, 302, 307 or 308.</summary>
    public int HttpsRedirectStatusCode { get; init; } = 426;

    /// <summary>Ranks regex paths; higher first.</summary>
    public int RegexPriority { get; init; }

    /// <summary>Strip the matched prefix before proxying (must be false for grpc).</summary>
    public bool StripPath { get; init; } = true;

    /// <summary>Send the client's Host header upstream.</summary>
    public bool PreserveHost { get; init; }

    /// <summary>v0 or v1.</summary>
    public string PathHandling { get; init; } = "v0";

    /// <summary>Buffer request bodies.</summary>
    public bool RequestBuffering { get; init; } = true;

    /// <summary>Buffer response bodies.</summary>
    public bool ResponseBuffering { get; init; } = true;

    /// <summary>ATC expression (expressions router flavor); excludes the classic match fields.</summary>
    public string? Expression { get; init; }

    /// <summary>Expression priority, 0..2^46-1; only with <see cref="Expression"/>.</summary>
    public long Priority { get; init; }

    /// <summary>The service, or null (a route without service is legal).</summary>
    public Guid? ServiceId { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Route;

    /// <inheritdoc />
    public override string? DisplayName => Name;
}
