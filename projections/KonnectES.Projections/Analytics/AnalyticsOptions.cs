namespace KonnectES.Projections.Analytics;

/// <summary>How long traffic data is kept (bound from <c>Analytics:*</c>). Hour and day rollups are kept forever.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>How long raw <c>traffic_reported</c> events (and the report ids seen) are kept; default 7 days.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long per-minute rollups are kept; default 2 days.</summary>
    public TimeSpan MinuteRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the retention service deletes what expired; default every 10 minutes.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement, so retention never holds long locks; default 5,000.</summary>
    public int RetentionBatchSize { get; set; } = 5_000;
}
