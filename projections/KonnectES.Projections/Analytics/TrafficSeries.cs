namespace KonnectES.Projections.Analytics;

/// <summary>The points of one group.</summary>
/// <param name="Dimensions">The group's values by name (<c>serviceId</c>, <c>routeId</c>, <c>consumerId</c>, <c>statusCodeClass</c>, <c>dataPlaneId</c>); an absent id is null.</param>
/// <param name="Points">One point per bucket with traffic, in time order.</param>
public sealed record TrafficSeries(IReadOnlyDictionary<string, object?> Dimensions, IReadOnlyList<TrafficPoint> Points);
