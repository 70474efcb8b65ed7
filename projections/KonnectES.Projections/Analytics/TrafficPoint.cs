using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Analytics;

/// <summary>The traffic of one bucket (or of the whole range, for totals); latencies are null when there were no requests.</summary>
/// <param name="Timestamp">The bucket's start; null for totals.</param>
/// <param name="RequestCount">Requests.</param>
/// <param name="ErrorCount4xx">Requests answered with a 4xx status.</param>
/// <param name="ErrorCount5xx">Requests answered with a 5xx status.</param>
/// <param name="LatencyP50Ms">Median total latency, within 1 %.</param>
/// <param name="LatencyP95Ms">95th percentile of the total latency, within 1 %.</param>
/// <param name="LatencyP99Ms">99th percentile of the total latency, within 1 %.</param>
/// <param name="UpstreamLatencyP99Ms">99th percentile of the upstream latency, within 1 %.</param>
/// <param name="ProxyLatencyP99Ms">99th percentile of the proxy's own latency, within 1 %.</param>
/// <param name="BytesIn">Request bytes.</param>
/// <param name="BytesOut">Response bytes.</param>
public sealed record TrafficPoint(
    DateTimeOffset? Timestamp, long RequestCount, long ErrorCount4xx, long ErrorCount5xx, double? LatencyP50Ms, double? LatencyP95Ms,
    double? LatencyP99Ms, double? UpstreamLatencyP99Ms, double? ProxyLatencyP99Ms, long BytesIn, long BytesOut)
{
    internal static TrafficPoint From(DateTimeOffset? timestamp, TrafficMeasures m) =>
        From(timestamp, m, m.Latency.View(), m.UpstreamLatency.View(), m.ProxyLatency.View());

    internal static TrafficPoint From(
        DateTimeOffset? timestamp, TrafficMeasures m, LatencyHistogram latency, LatencyHistogram upstream, LatencyHistogram proxy) => new(
        timestamp, m.Requests, m.Errors4xx, m.Errors5xx, latency.Quantile(0.5), latency.Quantile(0.95), latency.Quantile(0.99),
        upstream.Quantile(0.99), proxy.Quantile(0.99), m.BytesIn, m.BytesOut);
}
