namespace KonnectES.Projections.Analytics;

/// <summary>The dimensions of one rollup row; absent ids are <see cref="Guid.Empty"/>.</summary>
internal readonly record struct RollupKey(
    Guid ControlPlaneId, DateTimeOffset Bucket, Guid ServiceId, Guid RouteId, Guid ConsumerId, short StatusClass, Guid NodeId);
