using System.Text.Json;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// What Kong answers itself around routing (kong/runloop/handler.lua, access phase; reference §3.5), in the order
/// Kong checks: no route → 404; then the route's protocols (https-only → 426 or redirect; gRPC routes → 426/415,
/// grpcs-only over plain text → gRPC status 1); after the plugins, a route without service → 503.
/// </summary>
internal static class KongRouterResponses
{
    /// <summary>No route matched: 404 <c>{"message":"no Route matched with those values"}</c>.</summary>
    public static RouterResponse NoRouteMatched(string? requestId = null) =>
        Error(404, "no Route matched with those values", requestId);

    /// <summary>The route has no service and no plugin ended the request: 503 <c>{"message":"no Service found with those values"}</c>.</summary>
    public static RouterResponse NoService(string? requestId = null) =>
        Error(503, "no Service found with those values", requestId);

    /// <summary>
    /// The protocol checks Kong makes right after the match, or null when the request may proceed.
    /// </summary>
    /// <param name="route">The matched route.</param>
    /// <param name="forwarded">The request's forwarded values (X-Forwarded-Proto decides "is https" when the client is trusted).</param>
    /// <param name="requestUri">The raw request target (path and query) as the client sent it, for redirects.</param>
    /// <param name="contentType">The request's Content-Type (gRPC routes need <c>application/grpc…</c>).</param>
    /// <param name="httpVersion">The request's HTTP version, e.g. <c>1.1</c> or <c>2</c>.</param>
    /// <param name="requestId">Kong's request id, added to error bodies when given.</param>
    public static RouterResponse? ForProtocol(
        RouteInfo route, ForwardedValues forwarded, string requestUri, string? contentType, string httpVersion, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(forwarded);
        var https = forwarded.Proto == "https";
        if (route.HttpsOnly && !https)
        {
            switch (route.HttpsRedirectStatusCode)
            {
                case 426:
                    return Error(426, "Please use HTTPS protocol", requestId, ("Connection", "Upgrade"), ("Upgrade", "TLS/1.2, HTTP/1.1"));
                case 301 or 302 or 307 or 308:
                    // Kong builds the Location from the forwarded host (no port) and the raw request URI.
                    return new RouterResponse(route.HttpsRedirectStatusCode, [KeyValuePair.Create("Location", "https://" + forwarded.Host + requestUri)], null);
            }
        }

        if (!route.IsGrpc)
        {
            return null;
        }

        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.Ordinal))
        {
            return Error(415, "Non-gRPC request matched gRPC route", requestId);
        }

        if (httpVersion is not ("2" or "2.0"))
        {
            return Error(426, "Please use HTTP2 protocol", requestId, ("connection", "Upgrade"), ("upgrade", "HTTP/2"));
        }

        if (route.GrpcsOnly && !https)
        {
            return new RouterResponse(200, [
                KeyValuePair.Create("content-type", "application/grpc"),
                KeyValuePair.Create("grpc-status", "1"),
                KeyValuePair.Create("grpc-message", "gRPC request matched gRPCs route"),
            ], null);
        }

        return null;
    }

    private static RouterResponse Error(int status, string message, string? requestId, params (string Name, string Value)[] headers)
    {
        var body = requestId is null
            ? JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message })
            : JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message, ["request_id"] = requestId });
        return new RouterResponse(status, [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))], body);
    }
}
