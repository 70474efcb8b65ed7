namespace KonnectES.Domain.Analytics;

/// <summary>The requests of one minute with the same route, service, consumer and response status.</summary>
/// <param name="Minute">The start of the minute (UTC, seconds zero).</param>
/// <param name="ServiceId">The service, or null when no route matched.</param>
/// <param name="RouteId">The matched route, or null (a 404 from the router).</param>
/// <param name="ConsumerId">The authenticated consumer, or null.</param>
/// <param name="Status">The response status code sent to the client.</param>
/// <param name="Count">The number of requests.</param>
/// <param name="BytesIn">Request bytes received from clients.</param>
/// <param name="BytesOut">Response bytes sent to clients.</param>
/// <param name="Latency">Total latency: from the first byte of the request to the last byte of the response.</param>
/// <param name="UpstreamLatency">Time spent waiting for the upstream (empty when the request never reached one).</param>
/// <param name="ProxyLatency">Time spent in the data plane itself (total minus upstream).</param>
public sealed record TrafficRow(
    DateTimeOffset Minute,
    Guid? ServiceId,
    Guid? RouteId,
    Guid? ConsumerId,
    int Status,
    long Count,
    long BytesIn,
    long BytesOut,
    LatencyHistogramData Latency,
    LatencyHistogramData UpstreamLatency,
    LatencyHistogramData ProxyLatency);
