using System.Numerics;
using KonnectES.Domain;
using Npgsql;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// Reads snapshot heads inside a caller's transaction, e.g. an append's after its inline projections ran. Static (the
/// schema is passed in) so that the event store's own append participants can use it without depending on the store.
/// </summary>
public static class ConfigSnapshotHeads
{
    /// <summary>Version, config hash and snapshot hash of each of the control planes that has a head.</summary>
    public static async Task<IReadOnlyList<(Guid ControlPlaneId, long Version, ConfigHash Hash, ConfigHash SnapshotHash)>> ReadAsync(
        NpgsqlTransaction transaction, string schema, IReadOnlyList<Guid> controlPlaneIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(controlPlaneIds);
        await using var command = new NpgsqlCommand(
            $"SELECT control_plane_id, version, hash, snapshot_hash FROM {schema}.config_snapshot_heads WHERE control_plane_id = ANY($1)",
            transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneIds.ToArray() });
        var heads = new List<(Guid, long, ConfigHash, ConfigHash)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            heads.Add((reader.GetGuid(0), reader.GetInt64(1), SnapshotHash.FromNumber(reader.GetFieldValue<BigInteger>(2)),
                SnapshotHash.FromNumber(reader.GetFieldValue<BigInteger>(3))));
        }

        return heads;
    }
}
