namespace KonnectES.Projections.Analytics;

/// <summary>How many entity changes one actor made to one kind of entity on one UTC day.</summary>
/// <param name="Day">The day (midnight UTC).</param>
/// <param name="Actor">Who made them (null when unknown).</param>
/// <param name="EntityType">The kind of entity (<c>SERVICE</c>, <c>ROUTE</c>…).</param>
/// <param name="Count">The number of entity changes (an import changing ten routes counts ten).</param>
public sealed record ConfigChangeCount(DateTimeOffset Day, string? Actor, string EntityType, long Count);
