using Microsoft.Extensions.Logging;
using Npgsql;

namespace KonnectES.EventStore.Storage;

/// <summary>
/// Creates and upgrades the store's tables. Steps are numbered and applied once, under a transaction-scoped
/// advisory lock so that several processes starting together do not race.
/// </summary>
internal static class SchemaMigrator
{
    private static readonly Func<string, string>[] Steps =
    [
        s => $"""
            -- One row per stream, written by its first append. The version lives in the events table only:
            -- its unique (stream_id, version) index is the optimistic-concurrency guard.
            CREATE TABLE {s}.streams (
                id uuid PRIMARY KEY,
                created_at timestamptz NOT NULL DEFAULT now());
            -- No foreign key to streams: the append statement creates the stream row itself.
            CREATE TABLE {s}.events (
                seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
                tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
                id uuid NOT NULL,
                stream_id uuid NOT NULL,
                version bigint NOT NULL,
                type text NOT NULL,
                data jsonb NOT NULL,
                tenant_id text,
                actor text,
                correlation_id text,
                causation_id text,
                headers jsonb,
                created_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT events_stream_version UNIQUE (stream_id, version));
            CREATE INDEX events_tx_seq ON {s}.events (tx, seq);
            CREATE TABLE {s}.progress (
                name text PRIMARY KEY,
                last_tx xid8 NOT NULL DEFAULT '0',
                last_seq bigint NOT NULL DEFAULT 0,
                status text NOT NULL DEFAULT 'running',
                updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE {s}.snapshots (
                stream_id uuid NOT NULL,
                type text NOT NULL,
                version bigint NOT NULL,
                schema_version int NOT NULL,
                data jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (stream_id, type));
            CREATE TABLE {s}.dead_letter_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                projection text NOT NULL,
                seq bigint NOT NULL,
                tx xid8 NOT NULL,
                event_id uuid NOT NULL,
                stream_id uuid NOT NULL,
                version bigint NOT NULL,
                type text NOT NULL,
                error text NOT NULL,
                failed_at timestamptz NOT NULL DEFAULT now());
            """,
    ];

    public static int LatestVersion => Steps.Length;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtextextended('{schema}:migrate', 0))", cancellationToken);
        await ExecuteAsync(
            connection,
            $"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);
        await using var current = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations", connection);
        var version = (int)(await current.ExecuteScalarAsync(cancellationToken))!;
        for (var step = version; step < Steps.Length; step++)
        {
            await ExecuteAsync(connection, Steps[step](schema), cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_migrations (version) VALUES ({step + 1})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (version < Steps.Length)
        {
            EventStoreLog.Migrated(logger, schema, Steps.Length);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
