using Npgsql;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>The <c>data_plane_nodes</c> and <c>data_plane_target_health</c> tables (idempotent).</summary>
internal static class DataPlaneNodeSchema
{
    public static string Ddl(string s) => $"""
        CREATE SCHEMA IF NOT EXISTS {s};
        CREATE TABLE IF NOT EXISTS {s}.data_plane_nodes (
            control_plane_id uuid NOT NULL, node_id uuid NOT NULL, hostname text NOT NULL, version text NOT NULL,
            labels jsonb NOT NULL, first_seen timestamptz NOT NULL, last_seen timestamptz NOT NULL,
            config_version bigint NOT NULL, config_hash text, snapshot_hash text,
            last_error text, last_error_details jsonb NOT NULL DEFAULT '[]'::jsonb,
            refused_version bigint, refused_snapshot_hash text, stream_version bigint NOT NULL,
            PRIMARY KEY (control_plane_id, node_id));
        ALTER TABLE {s}.data_plane_nodes ADD COLUMN IF NOT EXISTS health_changed_at timestamptz;
        CREATE TABLE IF NOT EXISTS {s}.data_plane_target_health (
            control_plane_id uuid NOT NULL, node_id uuid NOT NULL, upstream_id uuid NOT NULL, upstream text NOT NULL,
            target text NOT NULL, health text NOT NULL,
            PRIMARY KEY (control_plane_id, upstream_id, node_id, target));
        CREATE INDEX IF NOT EXISTS data_plane_target_health_by_node ON {s}.data_plane_target_health (control_plane_id, node_id);
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtext('konnectes.data_plane_nodes.{schema}'));\n" + Ddl(schema), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
