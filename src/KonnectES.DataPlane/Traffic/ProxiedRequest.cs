namespace KonnectES.DataPlane.Traffic;

/// <summary>What the proxy knows about one request once its response is sent: the input of metrics and traffic reports.</summary>
/// <param name="CompletedAt">When the last byte of the response was sent.</param>
/// <param name="ServiceId">The matched route's service, or null when no route matched.</param>
/// <param name="ServiceName">The service's name (its id when it has none), or empty.</param>
/// <param name="RouteId">The matched route, or null.</param>
/// <param name="RouteName">The route's name (its id when it has none), or empty.</param>
/// <param name="ConsumerId">The authenticated consumer, or null.</param>
/// <param name="Status">The status code sent to the client.</param>
/// <param name="BytesIn">Request bytes received.</param>
/// <param name="BytesOut">Response bytes sent.</param>
/// <param name="TotalMs">From the first byte of the request to the last byte of the response.</param>
/// <param name="UpstreamMs">Time waiting for the upstream, or null when the request was answered by the data plane itself.</param>
internal readonly record struct ProxiedRequest(
    DateTimeOffset CompletedAt,
    Guid? ServiceId,
    string ServiceName,
    Guid? RouteId,
    string RouteName,
    Guid? ConsumerId,
    int Status,
    long BytesIn,
    long BytesOut,
    double TotalMs,
    double? UpstreamMs);
