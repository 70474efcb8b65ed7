using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Deletes expired traffic data in batches: raw <c>traffic_reported</c> events (only those the rollup projection has
/// already applied) and the report ids seen after <see cref="AnalyticsOptions.RawRetention"/>, minute rollups after
/// <see cref="AnalyticsOptions.MinuteRetention"/>. Hour and day rollups are kept.
/// </summary>
public sealed class TrafficRetention(IEventStore store, IOptions<ReadModelOptions> readModels, IOptions<EventStoreOptions> events, IOptions<AnalyticsOptions> options)
{
    private readonly string _schema = readModels.Value.Schema;

    /// <summary>
    /// Deletes what expired before <paramref name="now"/>; returns the number of events and of <c>traffic_minutes</c> rows
    /// deleted (the minutes of the narrower levels expire alike).
    /// </summary>
    public async Task<(long Events, long Minutes)> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var eventSchema = events.Value.Schema; // read late: a private database's connection is only known once it has started
        var rawCutoff = now - o.RawRetention;
        var minuteCutoff = now - o.MinuteRetention;
        var deletedEvents = await RepeatAsync(
            $"""
            WITH doomed AS (
                SELECT e.seq FROM {eventSchema}.events e, {eventSchema}.progress p
                WHERE e.type = 'traffic_reported' AND e.created_at < $1 AND p.name = '{TrafficRollupProjection.ProjectionName}'
                  AND (e.tx, e.seq) <= (p.last_tx, p.last_seq)
                LIMIT $2)
            DELETE FROM {eventSchema}.events WHERE seq IN (SELECT seq FROM doomed)
            """, rawCutoff, o.RetentionBatchSize, cancellationToken);
        await RepeatAsync(
            $"""
            DELETE FROM {eventSchema}.streams WHERE id IN (
                SELECT s.id FROM {eventSchema}.streams s WHERE s.created_at < $1
                  AND NOT EXISTS (SELECT 1 FROM {eventSchema}.events e WHERE e.stream_id = s.id)
                LIMIT $2)
            """, rawCutoff, o.RetentionBatchSize, cancellationToken);
        await RepeatAsync(
            $"DELETE FROM {_schema}.traffic_reports_seen WHERE report_id IN (SELECT report_id FROM {_schema}.traffic_reports_seen WHERE received_at < $1 LIMIT $2)",
            rawCutoff, o.RetentionBatchSize, cancellationToken);
        var deletedMinutes = 0L;
        foreach (var level in RollupLevel.All)
        {
            var table = level.Table(_schema, RollupGranularity.Minute);
            var deleted = await RepeatAsync(
                $"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE bucket < $1 LIMIT $2)",
                minuteCutoff, o.RetentionBatchSize, cancellationToken);
            deletedMinutes += level == RollupLevel.Full ? deleted : 0;
            if (level.HasMinutePoints)
            {
                // packed minutes go by whole hours
                var points = level.MinutePointsTable(_schema);
                await RepeatAsync(
                    $"DELETE FROM {points} WHERE ctid IN (SELECT ctid FROM {points} WHERE bucket <= $1 - interval '1 hour' LIMIT $2)",
                    minuteCutoff, o.RetentionBatchSize, cancellationToken);
            }
        }

        return (deletedEvents, deletedMinutes);
    }

    private async Task<long> RepeatAsync(string sql, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = store.DataSource.CreateCommand(sql);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = batch });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < batch)
            {
                return total;
            }
        }
    }
}
