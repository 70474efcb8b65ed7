namespace KonnectES.Projections.Tests.Analytics;

/// <summary>One proxied request as a data plane observes it.</summary>
public sealed record SimulatedRequest(
    Guid NodeId, DateTimeOffset CompletedAt, Guid? ServiceId, Guid? RouteId, Guid? ConsumerId, int Status,
    double LatencyMs, double UpstreamLatencyMs, long BytesIn, long BytesOut);
