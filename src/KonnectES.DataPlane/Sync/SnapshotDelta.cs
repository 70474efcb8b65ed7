using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// <c>GET /v1/config?since=N</c>: the entities to upsert and the ids to delete that turn the snapshot of
/// <see cref="FromVersion"/> into the one of <see cref="Version"/>.
/// </summary>
/// <param name="FromVersion">The version the delta applies to.</param>
/// <param name="Version">The version it leads to.</param>
/// <param name="ConfigHash">The configuration hash at <paramref name="Version"/>.</param>
/// <param name="SnapshotHash">The snapshot hash the result must have; null when the node did not send one.</param>
/// <param name="Upserts">Whole entities, each with the section it goes to.</param>
/// <param name="Deletes">Ids to remove from whichever section holds them.</param>
internal sealed record SnapshotDelta(
    long FromVersion,
    long Version,
    ConfigHash ConfigHash,
    ConfigHash? SnapshotHash,
    IReadOnlyList<(string Section, JsonElement Entity)> Upserts,
    IReadOnlyList<string> Deletes)
{
    /// <summary>Reads a delta body; throws <see cref="FormatException"/> when it is not one.</summary>
    public static SnapshotDelta Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(json);
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(SnapshotHeader.Member, out var header)
                || header.ValueKind != JsonValueKind.Object
                || !SnapshotHeader.TryReadVersion(header, "from_version", out var from)
                || !SnapshotHeader.TryReadVersion(header, "version", out var version)
                || !SnapshotHeader.TryReadHash(header, "config_hash", out var configHash))
            {
                throw new FormatException("The delta has no valid _konnectes member (from_version, version, config_hash).");
            }

            ConfigHash? snapshotHash = SnapshotHeader.TryReadHash(header, "snapshot_hash", out var h) ? h : null;
            var upserts = new List<(string, JsonElement)>();
            if (root.TryGetProperty("upserts", out var ups) && ups.ValueKind == JsonValueKind.Object)
            {
                foreach (var section in ups.EnumerateObject())
                {
                    foreach (var entity in Array(section))
                    {
                        if (entity.ValueKind != JsonValueKind.Object || SnapshotState.IdOf(entity) is null)
                        {
                            throw new FormatException($"An upsert in '{section.Name}' is not an entity with an id.");
                        }

                        upserts.Add((section.Name, entity));
                    }
                }
            }

            var deletes = new List<string>();
            if (root.TryGetProperty("deletes", out var dels) && dels.ValueKind == JsonValueKind.Object)
            {
                foreach (var section in dels.EnumerateObject())
                {
                    foreach (var id in Array(section))
                    {
                        deletes.Add(id.GetString() ?? throw new FormatException($"A delete in '{section.Name}' is not an id."));
                    }
                }
            }

            return new SnapshotDelta(from, version, configHash, snapshotHash, upserts, deletes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException("The delta is not valid JSON: " + e.Message, e);
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonProperty section) =>
        section.Value.ValueKind == JsonValueKind.Array
            ? section.Value.EnumerateArray()
            : throw new FormatException($"'{section.Name}' is not an array.");
}
