using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// The analytics tables (idempotent): the report ids seen, and per <see cref="RollupLevel"/> one rollup table per
/// granularity. A rollup row holds the counts, the three latency histograms in their compact binary form
/// (<see cref="Domain.Analytics.LatencyHistogram.ToBytes"/>) and the percentiles of those histograms, so a point made of one
/// row needs no histogram at all; the narrower levels also keep their minutes packed per hour (<see cref="Analytics.MinutePoints"/>). Absent dimensions are stored as the empty uuid so they can be part of the primary key.
/// Tables of an earlier layout (histograms as jsonb) are dropped and the rollup projection's checkpoint is reset, so
/// the daemon rebuilds them from the raw reports.
/// </summary>
internal static class AnalyticsSchema
{
    public static readonly RollupGranularity[] Granularities = [RollupGranularity.Minute, RollupGranularity.Hour, RollupGranularity.Day];

    /// <summary>Every rollup table, schema-qualified, the packed minutes included.</summary>
    public static IEnumerable<string> Tables(string schema) =>
        RollupLevel.All.SelectMany(level => Granularities.Select(g => level.Table(schema, g))
            .Concat(level.HasMinutePoints ? [level.MinutePointsTable(schema)] : []));

    public static string Ddl(string s) => $"""
        CREATE SCHEMA IF NOT EXISTS {s};
        CREATE TABLE IF NOT EXISTS {s}.traffic_reports_seen (
            report_id uuid PRIMARY KEY, control_plane_id uuid NOT NULL, node_id uuid NOT NULL, received_at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS traffic_reports_seen_by_time ON {s}.traffic_reports_seen (received_at);
        {string.Concat(RollupLevel.All.SelectMany(level => Granularities.Select(g => Rollup(level, level.Table(s, g), g))))}
        {string.Concat(RollupLevel.All.Where(level => level.HasMinutePoints).Select(level => PointsTable(level, level.MinutePointsTable(s))))}
        """;

    private static string Rollup(RollupLevel level, string table, RollupGranularity granularity)
    {
        var dimensions = string.Concat(level.Dimensions.Select(d =>
            d == TrafficDimension.StatusCodeClass ? "status_class smallint NOT NULL, " : $"{RollupLevel.Column(d)} uuid NOT NULL, "));
        var name = table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return $"""
            CREATE TABLE IF NOT EXISTS {table} (
                control_plane_id uuid NOT NULL, bucket timestamptz NOT NULL, {dimensions}
                requests bigint NOT NULL, errors_4xx bigint NOT NULL, errors_5xx bigint NOT NULL, bytes_in bigint NOT NULL, bytes_out bigint NOT NULL,
                latency bytea NOT NULL, upstream_latency bytea NOT NULL, proxy_latency bytea NOT NULL,
                latency_p50 double precision, latency_p95 double precision, latency_p99 double precision,
                upstream_latency_p99 double precision, proxy_latency_p99 double precision,
                PRIMARY KEY ({string.Join(", ", level.KeyColumns)}));
            {(granularity == RollupGranularity.Minute ? $"CREATE INDEX IF NOT EXISTS {name}_by_bucket ON {table} (bucket);" : "")}

            """;
    }

    private static string PointsTable(RollupLevel level, string table)
    {
        var dimensions = string.Concat(level.Dimensions.Select(d =>
            d == TrafficDimension.StatusCodeClass ? "status_class smallint NOT NULL, " : $"{RollupLevel.Column(d)} uuid NOT NULL, "));
        var name = table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return $"""
            CREATE TABLE IF NOT EXISTS {table} (
                control_plane_id uuid NOT NULL, bucket timestamptz NOT NULL, {dimensions}points bytea NOT NULL,
                PRIMARY KEY ({string.Join(", ", level.KeyColumns)}));
            CREATE INDEX IF NOT EXISTS {name}_by_bucket ON {table} (bucket);

            """;
    }

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, string eventSchema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext('konnectes.analytics.{schema}'));
            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = '{schema}' AND table_name = 'traffic_minutes' AND column_name = 'latency' AND data_type = 'jsonb');
            """, connection, transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var outdated = reader.GetBoolean(0);
            await reader.CloseAsync();
            if (outdated)
            {
                await using var upgrade = new NpgsqlCommand(
                    $"""
                    DROP TABLE {schema}.traffic_minutes, {schema}.traffic_hours, {schema}.traffic_days;
                    UPDATE {eventSchema}.progress SET last_tx = '0', last_seq = 0 WHERE name = '{TrafficRollupProjection.ProjectionName}';
                    """, connection, transaction);
                await upgrade.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var command = new NpgsqlCommand(Ddl(schema), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
