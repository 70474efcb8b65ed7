namespace KonnectES.Projections.Analytics;

/// <summary>
/// Reports folded in memory into the rows of every rollup table: the reports' rows into the full minutes, the full
/// minutes into full hours and days, and each narrower level from the level before it (many rows share a key there).
/// </summary>
internal sealed class RollupFold
{
    private readonly Dictionary<RollupKey, TrafficMeasures>[][] _rows =
        [.. RollupLevel.All.Select(_ => AnalyticsSchema.Granularities.Select(_ => new Dictionary<RollupKey, TrafficMeasures>()).ToArray())];

    /// <summary>The reports' rows folded so far.</summary>
    public int SourceRows { get; private set; }

    public void Add(TrafficReported report)
    {
        var minutes = _rows[0][0];
        foreach (var row in report.Rows)
        {
            var minute = row.Minute.ToUniversalTime();
            var key = new RollupKey(
                report.ControlPlaneId, new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero),
                row.ServiceId ?? Guid.Empty, row.RouteId ?? Guid.Empty, row.ConsumerId ?? Guid.Empty, TrafficMeasures.StatusClass(row.Status), report.NodeId);
            if (!minutes.TryGetValue(key, out var measures))
            {
                minutes[key] = measures = new TrafficMeasures();
            }

            measures.Add(row);
            SourceRows++;
        }
    }

    /// <summary>Folds the coarser granularities and narrower levels; returns every table's rows.</summary>
    public IEnumerable<(RollupLevel Level, RollupGranularity Granularity, Dictionary<RollupKey, TrafficMeasures> Rows)> Complete()
    {
        Fold(_rows[0][0], _rows[0][1], k => k with { Bucket = new DateTimeOffset(k.Bucket.Year, k.Bucket.Month, k.Bucket.Day, k.Bucket.Hour, 0, 0, TimeSpan.Zero) });
        Fold(_rows[0][1], _rows[0][2], k => k with { Bucket = new DateTimeOffset(k.Bucket.Year, k.Bucket.Month, k.Bucket.Day, 0, 0, 0, TimeSpan.Zero) });
        for (var level = 1; level < RollupLevel.All.Length; level++)
        {
            for (var g = 0; g < AnalyticsSchema.Granularities.Length; g++)
            {
                Fold(_rows[level - 1][g], _rows[level][g], RollupLevel.All[level].Project);
            }
        }

        for (var level = 0; level < RollupLevel.All.Length; level++)
        {
            for (var g = 0; g < AnalyticsSchema.Granularities.Length; g++)
            {
                yield return (RollupLevel.All[level], AnalyticsSchema.Granularities[g], _rows[level][g]);
            }
        }
    }

    private static void Fold(Dictionary<RollupKey, TrafficMeasures> from, Dictionary<RollupKey, TrafficMeasures> into, Func<RollupKey, RollupKey> key)
    {
        foreach (var (source, measures) in from)
        {
            var target = key(source);
            if (!into.TryGetValue(target, out var folded))
            {
                into[target] = folded = new TrafficMeasures();
            }

            folded.Merge(measures);
        }
    }
}
