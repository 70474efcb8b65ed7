namespace KonnectES.Projections.Analytics;

/// <summary>A traffic question: which control plane, which time range (from inclusive, to exclusive), how fine, grouped and filtered how.</summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="From">The start (inclusive); rounded down to the granularity.</param>
/// <param name="To">The end (exclusive).</param>
/// <param name="Granularity">The width of the points.</param>
public sealed record TrafficQuery(Guid ControlPlaneId, DateTimeOffset From, DateTimeOffset To, RollupGranularity Granularity)
{
    /// <summary>The dimensions that make a series; none gives one series.</summary>
    public IReadOnlyList<TrafficDimension> GroupBy { get; init; } = [];

    /// <summary>Only this service.</summary>
    public Guid? ServiceId { get; init; }

    /// <summary>Only this route.</summary>
    public Guid? RouteId { get; init; }

    /// <summary>Only this consumer.</summary>
    public Guid? ConsumerId { get; init; }

    /// <summary>Only this data-plane node.</summary>
    public Guid? DataPlaneId { get; init; }
}
