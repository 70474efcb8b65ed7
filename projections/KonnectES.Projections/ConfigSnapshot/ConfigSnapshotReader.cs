using System.Data;
using System.Numerics;
using System.Text;
using System.Text.Json;
using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// Reads the projected data-plane snapshot: the whole document at the current version, or the delta since a version.
/// Each is one indexed query (plus the head row) in one repeatable-read transaction; rows are copied as stored JSON,
/// never re-serialized.
/// </summary>
public sealed class ConfigSnapshotReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>The current snapshot, or null when the control plane has no configuration stream.</summary>
    public async Task<ConfigSnapshot?> GetSnapshotAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await ReadHeadAsync(connection, controlPlaneId, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var sections = SnapshotDocument.Sections.ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            $"SELECT section, document::text FROM {_schema}.config_snapshot_entities WHERE control_plane_id = $1 AND deleted_at_version IS NULL AND shipped ORDER BY id",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var section = reader.GetString(0);
                (sections.TryGetValue(section, out var list) ? list : sections[section] = []).Add(reader.GetString(1));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var (version, hash, snapshotHash, at) = head.Value;
        return new ConfigSnapshot(controlPlaneId, version, hash, snapshotHash, at, Write(version, hash, snapshotHash, sections));
    }

    /// <summary>
    /// The changes since <paramref name="sinceVersion"/>, or null when the control plane has no configuration stream.
    /// A version newer than the current one yields an empty delta to the current version.
    /// </summary>
    public async Task<ConfigDelta?> GetDeltaAsync(Guid controlPlaneId, long sinceVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await ReadHeadAsync(connection, controlPlaneId, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var upserts = new List<SnapshotEntry>();
        var deletes = new List<SnapshotEntry>();
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT section, id, CASE WHEN deleted_at_version IS NULL AND shipped THEN document::text END
            FROM {_schema}.config_snapshot_entities WHERE control_plane_id = $1 AND version > $2 ORDER BY section, id
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
            command.Parameters.Add(new NpgsqlParameter { Value = sinceVersion });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = new SnapshotEntry(reader.GetString(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                (entry.Json is null ? deletes : upserts).Add(entry);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var (version, hash, snapshotHash, _) = head.Value;
        return new ConfigDelta(controlPlaneId, Math.Min(sinceVersion, version), version, hash, snapshotHash, upserts, deletes);
    }

    /// <summary>
    /// The projected version, config hash and snapshot hash, or null when the control plane has no configuration stream.
    /// </summary>
    public async Task<(long Version, ConfigHash Hash, ConfigHash SnapshotHash)?> GetHeadAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, controlPlaneId, cancellationToken) is { } head ? (head.Version, head.Hash, head.SnapshotHash) : null;
    }

    private async Task<(long Version, ConfigHash Hash, ConfigHash SnapshotHash, DateTimeOffset At)?> ReadHeadAsync(
        NpgsqlConnection connection, Guid controlPlaneId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT version, hash, snapshot_hash, updated_at FROM {_schema}.config_snapshot_heads WHERE control_plane_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), SnapshotHash.FromNumber(reader.GetFieldValue<BigInteger>(1)),
                SnapshotHash.FromNumber(reader.GetFieldValue<BigInteger>(2)), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    private static string Write(long version, ConfigHash hash, ConfigHash snapshotHash, Dictionary<string, List<string>> sections)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("_format_version", "3.0");
            writer.WriteBoolean("_transform", false);
            writer.WriteStartObject("_konnectes");
            writer.WriteNumber("version", version);
            writer.WriteString("config_hash", hash.ToString());
            writer.WriteString("snapshot_hash", snapshotHash.ToString());
            writer.WriteEndObject();
            foreach (var (section, rows) in sections)
            {
                writer.WriteStartArray(section);
                foreach (var row in rows)
                {
                    writer.WriteRawValue(row, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
