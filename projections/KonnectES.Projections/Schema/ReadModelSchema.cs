using System.Text;
using KonnectES.Projections.Entities;
using Npgsql;

namespace KonnectES.Projections;

/// <summary>
/// Creates the read-model tables (idempotent; serialised by an advisory lock so several processes may start together).
/// </summary>
public static class ReadModelSchema
{
    /// <summary>Creates or completes the schema on an open connection.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtext('konnectes.read_models.{schema}'));\n" + Ddl(schema), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates or completes the schema through a data source.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await EnsureAsync(connection, schema, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static string Ddl(string s)
    {
        var sql = new StringBuilder($"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE OR REPLACE FUNCTION {s}.jsonb_text_array(j jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT coalesce(array(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END)), ARRAY[]::text[]) $$;
            CREATE TABLE IF NOT EXISTS {s}.control_planes (
                id uuid PRIMARY KEY, name text NOT NULL, description text, labels jsonb NOT NULL DEFAULT jsonb_build_object(),
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version bigint NOT NULL,
                CONSTRAINT control_planes_name_key UNIQUE (name));
            CREATE INDEX IF NOT EXISTS control_planes_labels ON {s}.control_planes USING gin (labels);

            """);
        foreach (var table in EntityTable.All)
        {
            var t = table.Table;
            sql.Append($"""
                CREATE TABLE IF NOT EXISTS {s}.{t} (
                    control_plane_id uuid NOT NULL, id uuid NOT NULL, name text, document jsonb NOT NULL, masked_document jsonb,
                    tags text[] GENERATED ALWAYS AS ({s}.jsonb_text_array(document->'tags')) STORED,
                    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, created_version bigint NOT NULL, updated_version bigint NOT NULL,
                    {string.Concat(table.Columns.Select(c => $"{c.Name} {c.SqlType} GENERATED ALWAYS AS {c.Expression} STORED, "))}
                    PRIMARY KEY (control_plane_id, id));
                CREATE INDEX IF NOT EXISTS {t}_by_name ON {s}.{t} (control_plane_id, name, id);
                CREATE INDEX IF NOT EXISTS {t}_by_created ON {s}.{t} (control_plane_id, created_at, id);
                CREATE INDEX IF NOT EXISTS {t}_by_tags ON {s}.{t} USING gin (tags);

                """);
            foreach (var column in table.Columns.Where(c => c.SqlType == "uuid" || c.Name is "plugin_name" or "username" or "credential_kind"))
            {
                sql.Append($"CREATE INDEX IF NOT EXISTS {t}_by_{column.Name} ON {s}.{t} (control_plane_id, {column.Name}, id);\n");
            }
        }

        sql.Append($"""
            CREATE TABLE IF NOT EXISTS {s}.config_snapshot_entities (
                control_plane_id uuid NOT NULL, id uuid NOT NULL, entity_type text NOT NULL, section text NOT NULL,
                document json NOT NULL, entity_hash numeric NOT NULL, enabled boolean NOT NULL, service_id uuid, route_id uuid,
                shipped boolean NOT NULL, version bigint NOT NULL, deleted_at_version bigint,
                PRIMARY KEY (control_plane_id, id));
            CREATE INDEX IF NOT EXISTS config_snapshot_entities_by_version ON {s}.config_snapshot_entities (control_plane_id, version);
            CREATE INDEX IF NOT EXISTS config_snapshot_entities_by_service ON {s}.config_snapshot_entities (control_plane_id, service_id) WHERE service_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS config_snapshot_entities_by_route ON {s}.config_snapshot_entities (control_plane_id, route_id) WHERE route_id IS NOT NULL;
            CREATE TABLE IF NOT EXISTS {s}.config_snapshot_heads (
                control_plane_id uuid PRIMARY KEY, version bigint NOT NULL, hash numeric NOT NULL, updated_at timestamptz NOT NULL);
            CREATE OR REPLACE FUNCTION {s}.snapshot_service_enabled(cp uuid, service uuid) RETURNS boolean LANGUAGE sql STABLE
                AS $$ SELECT service IS NULL OR coalesce((SELECT e.enabled FROM {s}.config_snapshot_entities e
                    WHERE e.control_plane_id = cp AND e.id = service AND e.deleted_at_version IS NULL), true) $$;
            ALTER TABLE {s}.config_snapshot_entities ADD COLUMN IF NOT EXISTS content_hash numeric NOT NULL DEFAULT 0;
            ALTER TABLE {s}.config_snapshot_heads ADD COLUMN IF NOT EXISTS snapshot_hash numeric NOT NULL DEFAULT 0;

            CREATE TABLE IF NOT EXISTS {s}.audit_log (
                control_plane_id uuid NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL,
                entity_type text, entity_id uuid, entity_name text, change text, change_count int NOT NULL,
                actor text, occurred_at timestamptz NOT NULL, reason text, correlation_id text, causation_id text, body jsonb NOT NULL,
                PRIMARY KEY (control_plane_id, version));
            CREATE INDEX IF NOT EXISTS audit_log_by_time ON {s}.audit_log (control_plane_id, occurred_at, version);
            CREATE INDEX IF NOT EXISTS audit_log_by_actor ON {s}.audit_log (control_plane_id, actor, version);
            CREATE TABLE IF NOT EXISTS {s}.audit_log_changes (
                control_plane_id uuid NOT NULL, version bigint NOT NULL, ordinal int NOT NULL,
                entity_type text NOT NULL, entity_id uuid NOT NULL, entity_name text, change text NOT NULL,
                PRIMARY KEY (control_plane_id, version, ordinal));
            CREATE INDEX IF NOT EXISTS audit_log_changes_by_entity ON {s}.audit_log_changes (control_plane_id, entity_id, version);
            CREATE INDEX IF NOT EXISTS audit_log_changes_by_type ON {s}.audit_log_changes (control_plane_id, entity_type, version);
            """);
        return sql.ToString();
    }
}
