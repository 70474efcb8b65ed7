using Npgsql;
using NpgsqlTypes;

namespace KonnectES.ControlPlane.Auth;

/// <summary>Data-plane tokens: one control plane each, optionally expiring, revocable, listed without the secret.</summary>
public sealed partial class ApiTokenStore
{
    /// <summary>How stale <c>last_used_at</c> may get: a data plane authenticates every few seconds, so it is written at most once a minute.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private string DataPlaneTokenColumns => $"""
        ALTER TABLE {_schema}.data_plane_tokens ADD COLUMN IF NOT EXISTS name text;
        ALTER TABLE {_schema}.data_plane_tokens ADD COLUMN IF NOT EXISTS expires_at timestamptz;
        ALTER TABLE {_schema}.data_plane_tokens ADD COLUMN IF NOT EXISTS last_used_at timestamptz;
        UPDATE {_schema}.data_plane_tokens SET name = 'dp-' || right(replace(id::text, '-', ''), 8) WHERE name IS NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS data_plane_tokens_by_name ON {_schema}.data_plane_tokens (control_plane_id, name);
        """;

    /// <summary>Stores a new data-plane token of a control plane and returns it (shown once).</summary>
    public async Task<string> CreateDataPlaneTokenAsync(Guid controlPlaneId, string createdBy, CancellationToken cancellationToken) =>
        (await CreateDataPlaneTokenAsync(controlPlaneId, null, null, createdBy, cancellationToken))!.Value.Token;

    /// <summary>
    /// Stores a new data-plane token of a control plane and returns it (shown once) with its id and name, or null when
    /// the control plane already has a token of this name. Without a name, one is made up from the id.
    /// </summary>
    public async Task<(string Token, Guid Id, string Name)?> CreateDataPlaneTokenAsync(
        Guid controlPlaneId, string? name, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        var token = TokenHashing.NewToken("kdp_");
        var id = Guid.CreateVersion7();
        name = string.IsNullOrWhiteSpace(name) ? "dp-" + id.ToString("N")[^8..] : name.Trim(); // the random end of a UUIDv7
        await using var command = _store.DataSource.CreateCommand($"""
            INSERT INTO {_schema}.data_plane_tokens (id, control_plane_id, token_hash, created_at, created_by, name, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (control_plane_id, name) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = createdBy });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? (token, id, name) : null;
    }

    /// <summary>
    /// Registers a token given from outside (the environment) under a fixed <paramref name="name"/>, idempotently: only
    /// its SHA-256 is stored, so every control-plane node registering the same value agrees, and another value (or a
    /// revoked registration) replaces the previous one under that name. False when nothing changed, including when the
    /// same token is already registered under another name.
    /// </summary>
    public async Task<bool> RegisterDataPlaneTokenAsync(
        Guid controlPlaneId, string name, string token, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(token);
        await using var command = _store.DataSource.CreateCommand($"""
            INSERT INTO {_schema}.data_plane_tokens (id, control_plane_id, token_hash, created_at, created_by, name)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (control_plane_id, name) DO UPDATE SET token_hash = EXCLUDED.token_hash, revoked_at = NULL
            WHERE {_schema}.data_plane_tokens.token_hash <> EXCLUDED.token_hash OR {_schema}.data_plane_tokens.revoked_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = createdBy });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same token is already registered (by another node, or under another name): nothing to do.
            return false;
        }
    }

    /// <summary>The control plane a data-plane token belongs to, or null (for the cluster port).</summary>
    public async Task<Guid?> AuthenticateDataPlaneAsync(string token, CancellationToken cancellationToken) =>
        (await AuthenticateDataPlaneTokenAsync(token, cancellationToken))?.ControlPlaneId;

    /// <summary>
    /// What a data-plane token stands for, or null when it is unknown, revoked or expired. Records the use (at most once
    /// a minute per token) in the same round trip.
    /// </summary>
    public async Task<DataPlaneCredential?> AuthenticateDataPlaneTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var command = _store.DataSource.CreateCommand($"""
            WITH t AS (
                SELECT id, control_plane_id, last_used_at FROM {_schema}.data_plane_tokens
                WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)),
            used AS (
                UPDATE {_schema}.data_plane_tokens d SET last_used_at = $2 FROM t
                WHERE d.id = t.id AND (t.last_used_at IS NULL OR t.last_used_at < $3))
            SELECT t.id, t.control_plane_id, EXISTS (SELECT 1 FROM {_schema}.control_planes c WHERE c.id = t.control_plane_id) FROM t
            """);
        var now = _time.GetUtcNow();
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now - LastUsedPrecision });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new DataPlaneCredential(reader.GetGuid(0), reader.GetGuid(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>Revokes a data-plane token of the control plane, by id or by name; false when there is no such active token.</summary>
    public async Task<bool> RevokeDataPlaneTokenAsync(Guid controlPlaneId, Guid? id, string? name, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand($"""
            UPDATE {_schema}.data_plane_tokens SET revoked_at = $4
            WHERE control_plane_id = $1 AND ($2::uuid IS NULL OR id = $2) AND ($3::text IS NULL OR name = $3) AND revoked_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        return (id is not null || name is not null) && await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The data-plane tokens of a control plane, oldest first, without their secrets.</summary>
    public async Task<IReadOnlyList<DataPlaneToken>> ListDataPlaneTokensAsync(Guid controlPlaneId, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand($"""
            SELECT id, control_plane_id, name, created_at, created_by, expires_at, last_used_at, revoked_at
            FROM {_schema}.data_plane_tokens WHERE control_plane_id = $1 ORDER BY created_at, id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        var tokens = new List<DataPlaneToken>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new DataPlaneToken(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7)));
        }

        return tokens;
    }

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
