namespace KonnectES.Projections.Analytics;

/// <summary>
/// A set of rollup tables (one per granularity) keeping some of the traffic dimensions: <see cref="Full"/> keeps them
/// all, the narrower ones drop consumer and data plane (and status class, and route and service), so the portal's
/// common questions read few rows that are already merged. A query reads the narrowest level that keeps its
/// group-by and filter dimensions.
/// </summary>
internal sealed class RollupLevel
{
    /// <summary>Every dimension: <c>traffic_minutes</c>, <c>traffic_hours</c>, <c>traffic_days</c>.</summary>
    public static readonly RollupLevel Full = new(
        "traffic", "", TrafficDimension.Service, TrafficDimension.Route, TrafficDimension.Consumer, TrafficDimension.StatusCodeClass, TrafficDimension.DataPlane);

    /// <summary>Service, route and status class: <c>traffic_route_status_minutes</c>…</summary>
    public static readonly RollupLevel RouteStatus = new(
        "traffic", "_route_status", TrafficDimension.Service, TrafficDimension.Route, TrafficDimension.StatusCodeClass);

    /// <summary>Service and route: <c>traffic_route_minutes</c>…</summary>
    public static readonly RollupLevel Route = new("traffic", "_route", TrafficDimension.Service, TrafficDimension.Route);

    /// <summary>The control plane as a whole: <c>traffic_cp_minutes</c>…</summary>
    public static readonly RollupLevel ControlPlane = new("traffic", "_cp");

    /// <summary>From the widest to the narrowest: each level can be folded from the one before it.</summary>
    public static readonly RollupLevel[] All = [Full, RouteStatus, Route, ControlPlane];

    private readonly HashSet<TrafficDimension> _dimensions;
    private readonly string _prefix;
    private readonly string _suffix;

    private RollupLevel(string prefix, string suffix, params TrafficDimension[] dimensions)
    {
        _prefix = prefix;
        _suffix = suffix;
        _dimensions = [.. dimensions];
        KeyColumns = ["control_plane_id", "bucket", .. dimensions.Select(Column)];
    }

    /// <summary>The primary key's columns: control plane, bucket, then the kept dimensions.</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>The kept dimensions, in key order.</summary>
    public IEnumerable<TrafficDimension> Dimensions => All[0]._dimensions.Where(_dimensions.Contains);

    public bool Keeps(TrafficDimension dimension) => _dimensions.Contains(dimension);

    /// <summary>
    /// Whether the level also keeps its minutes packed per hour (<see cref="MinutePointsTable"/>): one row per hour and
    /// key with the counts and percentiles of its minutes, so a day of minutes is read as 24 rows per key.
    /// </summary>
    public bool HasMinutePoints => this != Full;

    /// <summary>The table of the minutes packed per hour (<c>traffic_route_minute_points</c>…), schema-qualified.</summary>
    public string MinutePointsTable(string schema) => $"{schema}.{_prefix}{_suffix}_minute_points";

    /// <summary>The table of <paramref name="granularity"/>, schema-qualified.</summary>
    public string Table(string schema, RollupGranularity granularity) => granularity switch
    {
        RollupGranularity.Minute => $"{schema}.{_prefix}{_suffix}_minutes",
        RollupGranularity.Hour => $"{schema}.{_prefix}{_suffix}_hours",
        _ => $"{schema}.{_prefix}{_suffix}_days",
    };

    /// <summary>The key of this level's row holding <paramref name="key"/>: the dropped dimensions set to empty.</summary>
    public RollupKey Project(RollupKey key) => new(
        key.ControlPlaneId, key.Bucket,
        Keeps(TrafficDimension.Service) ? key.ServiceId : Guid.Empty,
        Keeps(TrafficDimension.Route) ? key.RouteId : Guid.Empty,
        Keeps(TrafficDimension.Consumer) ? key.ConsumerId : Guid.Empty,
        Keeps(TrafficDimension.StatusCodeClass) ? key.StatusClass : (short)0,
        Keeps(TrafficDimension.DataPlane) ? key.NodeId : Guid.Empty);

    /// <summary>The narrowest level keeping every dimension <paramref name="query"/> groups or filters by.</summary>
    public static RollupLevel For(TrafficQuery query)
    {
        var needed = query.GroupBy.ToHashSet();
        AddIf(needed, query.ServiceId, TrafficDimension.Service);
        AddIf(needed, query.RouteId, TrafficDimension.Route);
        AddIf(needed, query.ConsumerId, TrafficDimension.Consumer);
        AddIf(needed, query.DataPlaneId, TrafficDimension.DataPlane);
        return All.Last(level => needed.IsSubsetOf(level._dimensions));
    }

    public static string Column(TrafficDimension dimension) => dimension switch
    {
        TrafficDimension.Service => "service_id",
        TrafficDimension.Route => "route_id",
        TrafficDimension.Consumer => "consumer_id",
        TrafficDimension.StatusCodeClass => "status_class",
        _ => "node_id",
    };

    private static void AddIf(HashSet<TrafficDimension> needed, Guid? filter, TrafficDimension dimension)
    {
        if (filter is not null)
        {
            needed.Add(dimension);
        }
    }
}
