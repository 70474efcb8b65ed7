using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// What a balancer may look at in a request: the client address, path, raw query string, headers (cookies included),
/// the authenticated consumer or credential, the matched route's URI captures, and the targets already tried.
/// </summary>
internal sealed record BalancerRequest
{
    /// <summary>The client's IP (<c>hash_on: ip</c>).</summary>
    public string? ClientIp { get; init; }

    /// <summary>The normalised request path without the query string (<c>hash_on: path</c>).</summary>
    public string Path { get; init; } = "/";

    /// <summary>The raw query string, with or without its leading <c>?</c> (<c>hash_on: query_arg</c>).</summary>
    public string? QueryString { get; init; }

    /// <summary>Request headers (<c>hash_on: header</c>, and <c>Cookie</c> for <c>hash_on: cookie</c>).</summary>
    public IHeaderDictionary Headers { get; init; } = new HeaderDictionary();

    /// <summary>The authenticated consumer's id (<c>hash_on: consumer</c>).</summary>
    public string? ConsumerId { get; init; }

    /// <summary>The authenticated credential's id, used when there is no consumer.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The matched route's regex captures by name or index (<c>hash_on: uri_capture</c>).</summary>
    public IReadOnlyDictionary<string, string>? UriCaptures { get; init; }

    /// <summary>Selections of earlier tries of this request: retries avoid them while other addresses are available.</summary>
    public IReadOnlyList<TargetSelection> Tried { get; init; } = [];

    /// <summary>The balancer's view of an ASP.NET Core request.</summary>
    public static BalancerRequest From(HttpContext context, string? consumerId = null, string? credentialId = null, IReadOnlyDictionary<string, string>? uriCaptures = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BalancerRequest
        {
            ClientIp = context.Connection.RemoteIpAddress?.ToString(),
            Path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/",
            QueryString = context.Request.QueryString.Value,
            Headers = context.Request.Headers,
            ConsumerId = consumerId,
            CredentialId = credentialId,
            UriCaptures = uriCaptures,
        };
    }
}
