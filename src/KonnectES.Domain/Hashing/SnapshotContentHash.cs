using System.Text.Json;

namespace KonnectES.Domain;

/// <summary>
/// The hash of what a data plane actually holds: the sum (mod 2^256) of SHA-256 over <c>section + "\n" +</c> the
/// canonical JSON of every entity in a snapshot document's sections. Unlike <see cref="ConfigHash"/> of the whole
/// configuration (which also covers what is not shipped, such as disabled services), a data plane recomputes this one
/// from the document it received, so it can check that a delta applied to its copy gave exactly the control plane's
/// snapshot. The control plane maintains it incrementally, entity by entity, as it projects the snapshot.
/// </summary>
/// <remarks>
/// Canonical JSON: object members sorted by ordinal name, no whitespace, strings re-escaped by one fixed encoder,
/// numbers normalized (<c>1.50</c>, <c>1.5</c> and <c>15e-1</c> are one number), so the text a database hands back
/// (which may reorder keys or reformat numbers) hashes like the text that was stored.
/// </remarks>
public static class SnapshotContentHash
{
    [ThreadStatic]
    private static EntityHasher? t_hasher;

    /// <summary>The hash of one entity of a section.</summary>
    public static ConfigHash OfEntity(string section, JsonElement entity) => (t_hasher ??= new EntityHasher()).Hash(section, entity);

    /// <summary>The hash of one entity given as JSON text.</summary>
    public static ConfigHash OfEntity(string section, string entityJson)
    {
        using var document = JsonDocument.Parse(entityJson);
        return OfEntity(section, document.RootElement);
    }

    /// <summary>
    /// The hash of a whole snapshot document: every entity of every section of <see cref="SnapshotDocument.Sections"/>
    /// (other top-level members such as <c>_format_version</c> and <c>_konnectes</c> are not content).
    /// </summary>
    public static ConfigHash OfDocument(JsonElement document)
    {
        var hash = ConfigHash.Empty;
        foreach (var section in SnapshotDocument.Sections)
        {
            if (document.TryGetProperty(section, out var entities) && entities.ValueKind == JsonValueKind.Array)
            {
                foreach (var entity in entities.EnumerateArray())
                {
                    hash = hash.Add(OfEntity(section, entity));
                }
            }
        }

        return hash;
    }
}
