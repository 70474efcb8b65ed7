using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// The analytics tables (idempotent): the report ids seen, and one rollup table per granularity. Absent dimensions are
/// stored as the empty uuid so they can be part of the primary key.
/// </summary>
internal static class AnalyticsSchema
{
    public static string Table(string schema, RollupGranularity granularity) => granularity switch
    {
        RollupGranularity.Minute => $"{schema}.traffic_minutes",
        RollupGranularity.Hour => $"{schema}.traffic_hours",
        _ => $"{schema}.traffic_days",
    };

    public static string Ddl(string s) => $"""
        CREATE SCHEMA IF NOT EXISTS {s};
        CREATE TABLE IF NOT EXISTS {s}.traffic_reports_seen (
            report_id uuid PRIMARY KEY, control_plane_id uuid NOT NULL, node_id uuid NOT NULL, received_at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS traffic_reports_seen_by_time ON {s}.traffic_reports_seen (received_at);
        {Rollup(s, "traffic_minutes")}
        {Rollup(s, "traffic_hours")}
        {Rollup(s, "traffic_days")}
        """;

    private static string Rollup(string s, string table) => $"""
        CREATE TABLE IF NOT EXISTS {s}.{table} (
            control_plane_id uuid NOT NULL, bucket timestamptz NOT NULL, service_id uuid NOT NULL, route_id uuid NOT NULL,
            consumer_id uuid NOT NULL, status_class smallint NOT NULL, node_id uuid NOT NULL,
            requests bigint NOT NULL, errors_4xx bigint NOT NULL, errors_5xx bigint NOT NULL, bytes_in bigint NOT NULL, bytes_out bigint NOT NULL,
            latency jsonb NOT NULL, upstream_latency jsonb NOT NULL, proxy_latency jsonb NOT NULL,
            PRIMARY KEY (control_plane_id, bucket, service_id, route_id, consumer_id, status_class, node_id));
        CREATE INDEX IF NOT EXISTS {table}_by_bucket ON {s}.{table} (bucket);
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtext('konnectes.analytics.{schema}'));\n" + Ddl(schema), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
