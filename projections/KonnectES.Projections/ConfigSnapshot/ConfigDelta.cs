using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.Domain;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// What changed in the data-plane snapshot between two versions: the entities to upsert and the ids to delete
/// (deleted entities, and routes and plugins that a disabled service took out). Applying it to the snapshot at
/// <see cref="FromVersion"/> gives the snapshot at <see cref="ToVersion"/>, whose hash is <see cref="Hash"/>.
/// </summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="FromVersion">The version the data plane has.</param>
/// <param name="ToVersion">The current version.</param>
/// <param name="Hash">The config hash at <paramref name="ToVersion"/>.</param>
/// <param name="SnapshotHash">The <see cref="SnapshotContentHash"/> of the snapshot at <paramref name="ToVersion"/>: applying the delta must give it.</param>
/// <param name="Upserts">Entities created or changed (ordered by section, then id).</param>
/// <param name="Deletes">Entities to remove (<see cref="SnapshotEntry.Json"/> is null).</param>
public sealed record ConfigDelta(
    Guid ControlPlaneId, long FromVersion, long ToVersion, ConfigHash Hash, ConfigHash SnapshotHash, IReadOnlyList<SnapshotEntry> Upserts, IReadOnlyList<SnapshotEntry> Deletes)
{
    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0;

    /// <summary>
    /// Applies the delta to a snapshot document of version <see cref="FromVersion"/> and returns the new document
    /// (sections ordered by id, <c>_konnectes</c> updated). The input is not modified.
    /// </summary>
    public JsonObject ApplyTo(JsonObject snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var doc = snapshot.DeepClone().AsObject();
        var sections = new Dictionary<string, Dictionary<string, JsonNode>>(StringComparer.Ordinal);
        foreach (var name in SnapshotDocument.Sections)
        {
            sections[name] = doc[name] is JsonArray array
                ? array.Where(n => n is not null).ToDictionary(n => (string)n!["id"]!, n => n!.DeepClone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        }

        foreach (var delete in Deletes)
        {
            foreach (var section in sections.Values)
            {
                section.Remove(Id(delete.Id));
            }
        }

        foreach (var upsert in Upserts)
        {
            foreach (var section in sections.Values)
            {
                section.Remove(Id(upsert.Id));
            }

            var target = sections.TryGetValue(upsert.Section, out var s) ? s : sections[upsert.Section] = new(StringComparer.Ordinal);
            target[Id(upsert.Id)] = JsonNode.Parse(upsert.Json!)!;
        }

        foreach (var (name, entities) in sections)
        {
            doc[name] = new JsonArray([.. entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value)]);
        }

        doc["_konnectes"] = new JsonObject { ["version"] = ToVersion, ["config_hash"] = Hash.ToString(), ["snapshot_hash"] = SnapshotHash.ToString() };
        return doc;
    }

    /// <summary>The delta as JSON: <c>{_konnectes: {from_version, version, config_hash, snapshot_hash}, upserts: {section: [...]}, deletes: {section: [ids]}}</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_konnectes");
            writer.WriteNumber("from_version", FromVersion);
            writer.WriteNumber("version", ToVersion);
            writer.WriteString("config_hash", Hash.ToString());
            writer.WriteString("snapshot_hash", SnapshotHash.ToString());
            writer.WriteEndObject();
            writer.WriteStartObject("upserts");
            foreach (var group in Upserts.GroupBy(u => u.Section))
            {
                writer.WriteStartArray(group.Key);
                foreach (var entry in group)
                {
                    writer.WriteRawValue(entry.Json!, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("deletes");
            foreach (var group in Deletes.GroupBy(u => u.Section))
            {
                writer.WriteStartArray(group.Key);
                foreach (var entry in group)
                {
                    writer.WriteStringValue(entry.Id);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Id(Guid id) => id.ToString("D");
}
