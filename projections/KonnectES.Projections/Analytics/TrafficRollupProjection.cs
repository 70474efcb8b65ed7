using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Async projection of <see cref="TrafficReported"/> into per-minute, per-hour and per-day rollups by control plane,
/// service, route, consumer, status-code class and data plane. A page of events is folded in memory first, then each
/// touched rollup row is read, merged (counts add up, histograms merge bucket by bucket) and written back once, so the
/// result does not depend on how events were paged: a rebuild gives the same rows as live processing.
/// </summary>
public sealed partial class TrafficRollupProjection(IOptions<ReadModelOptions> options) : IProjection
{
    private static readonly RollupGranularity[] Granularities = [RollupGranularity.Minute, RollupGranularity.Hour, RollupGranularity.Day];
    private const int RowsPerStatement = 2_000;
    private readonly string _schema = options.Value.Schema;

    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "traffic_rollups";

    /// <inheritdoc />
    public string Name => ProjectionName;

    /// <inheritdoc />
    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var folded = Fold(events);
        if (folded[0].Count == 0)
        {
            return;
        }

        for (var i = 0; i < Granularities.Length; i++)
        {
            var table = AnalyticsSchema.Table(_schema, Granularities[i]);
            foreach (var chunk in folded[i].Chunk(RowsPerStatement))
            {
                // bounded statements: a page of busy reports can touch hundreds of thousands of rows
                var rows = chunk.ToDictionary(p => p.Key, p => p.Value);
                var stored = await LoadAsync(context, table, rows.Keys, cancellationToken);
                foreach (var (key, measures) in stored)
                {
                    measures.Merge(rows[key]);
                    rows[key] = measures;
                }

                await UpsertAsync(context, table, rows, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var command = new NpgsqlCommand(
            AnalyticsSchema.Ddl(_schema) + $"TRUNCATE {_schema}.traffic_minutes, {_schema}.traffic_hours, {_schema}.traffic_days;",
            context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The page's rows folded per granularity (minute, hour, day).</summary>
    private static Dictionary<RollupKey, TrafficMeasures>[] Fold(IReadOnlyList<EventEnvelope> events)
    {
        var folded = new[] { new Dictionary<RollupKey, TrafficMeasures>(), new Dictionary<RollupKey, TrafficMeasures>(), new Dictionary<RollupKey, TrafficMeasures>() };
        foreach (var envelope in events)
        {
            if (envelope.Data is not TrafficReported report)
            {
                continue;
            }

            foreach (var row in report.Rows)
            {
                var minute = row.Minute.ToUniversalTime();
                minute = new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero);
                Span<DateTimeOffset> buckets =
                [
                    minute,
                    new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, 0, 0, TimeSpan.Zero),
                    new DateTimeOffset(minute.Year, minute.Month, minute.Day, 0, 0, 0, TimeSpan.Zero),
                ];
                for (var i = 0; i < buckets.Length; i++)
                {
                    var key = new RollupKey(
                        report.ControlPlaneId, buckets[i], row.ServiceId ?? Guid.Empty, row.RouteId ?? Guid.Empty, row.ConsumerId ?? Guid.Empty,
                        TrafficMeasures.StatusClass(row.Status), report.NodeId);
                    if (!folded[i].TryGetValue(key, out var measures))
                    {
                        folded[i][key] = measures = new TrafficMeasures();
                    }

                    measures.Add(row);
                }
            }
        }

        return folded;
    }
}
