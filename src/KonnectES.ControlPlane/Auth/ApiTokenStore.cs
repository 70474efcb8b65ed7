using System.Text.Json;
using KonnectES.EventStore;
using KonnectES.Projections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.ControlPlane.Auth;

/// <summary>
/// API tokens and data-plane tokens in plain tables next to the read models. Only the SHA-256 of a token is stored;
/// the token itself is returned once, when it is created.
/// </summary>
public sealed partial class ApiTokenStore
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly string _schema;

    /// <summary>Creates the store over the event store's database.</summary>
    public ApiTokenStore(IEventStore store, IOptions<ReadModelOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time ?? TimeProvider.System;
        _schema = options.Value.Schema;
    }

    /// <summary>Creates the token tables when missing.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE IF NOT EXISTS {_schema}.api_tokens (
                id uuid PRIMARY KEY, name text NOT NULL UNIQUE, token_hash text NOT NULL UNIQUE, roles jsonb NOT NULL,
                expires_at timestamptz, revoked_at timestamptz, created_at timestamptz NOT NULL, created_by text NOT NULL);
            CREATE TABLE IF NOT EXISTS {_schema}.data_plane_tokens (
                id uuid PRIMARY KEY, control_plane_id uuid NOT NULL, token_hash text NOT NULL UNIQUE,
                revoked_at timestamptz, created_at timestamptz NOT NULL, created_by text NOT NULL);
            {DataPlaneTokenColumns}
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The caller behind a bearer token, or null when it is unknown, expired or revoked.</summary>
    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand(
            $"SELECT id, name, roles::text FROM {_schema}.api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var roles = JsonSerializer.Deserialize<List<RoleGrant>>(reader.GetString(2), JsonOptions) ?? [];
        return new Caller(reader.GetGuid(0), reader.GetString(1), roles);
    }

    /// <summary>Stores a new token and returns it (shown once), or null when the name is taken.</summary>
    public async Task<string?> CreateAsync(
        string name, IReadOnlyList<RoleGrant> roles, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken, string? token = null)
    {
        token ??= TokenHashing.NewToken("kes_");
        await using var command = _store.DataSource.CreateCommand(
            $"INSERT INTO {_schema}.api_tokens (id, name, token_hash, roles, expires_at, created_at, created_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(roles, JsonOptions) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = createdBy });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? token : null;
    }

    /// <summary>True when a token with this name exists (revoked or not).</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand($"SELECT count(*) FROM {_schema}.api_tokens WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Makes the named token hash to <paramref name="token"/> (the configured bootstrap token), keeping its roles.</summary>
    public async Task SetTokenAsync(string name, string token, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand(
            $"UPDATE {_schema}.api_tokens SET token_hash = $2, revoked_at = NULL WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = TokenHashing.Hash(token) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes the named token; false when there is no such active token.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = _store.DataSource.CreateCommand(
            $"UPDATE {_schema}.api_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
