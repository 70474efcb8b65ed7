namespace KonnectES.DataPlane.Traffic;

/// <summary>The dimensions a traffic row aggregates over.</summary>
internal readonly record struct TrafficKey(DateTimeOffset Minute, Guid? ServiceId, Guid? RouteId, Guid? ConsumerId, int Status);
