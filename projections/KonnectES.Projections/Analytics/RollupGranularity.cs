namespace KonnectES.Projections.Analytics;

/// <summary>The width of a rollup bucket; each has its own table.</summary>
public enum RollupGranularity
{
    /// <summary>One minute (<c>traffic_minutes</c>, expires after <see cref="AnalyticsOptions.MinuteRetention"/>).</summary>
    Minute,

    /// <summary>One hour (<c>traffic_hours</c>).</summary>
    Hour,

    /// <summary>One UTC day (<c>traffic_days</c>).</summary>
    Day,
}
