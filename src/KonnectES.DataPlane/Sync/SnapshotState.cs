using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The snapshot a data plane holds, immutable: entities by section and id, each with its
/// <see cref="SnapshotContentHash"/>. Applying a delta returns a new state that shares what did not change, and
/// maintains <see cref="SnapshotHash"/> entity by entity (the sum of the entity hashes, as the domain defines it).
/// </summary>
internal sealed class SnapshotState
{
    private static readonly HashSet<string> KnownSections = [.. SnapshotDocument.Sections];

    // section -> id -> entity; id -> (section, entity hash)
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, JsonElement>> _sections;
    private readonly ImmutableDictionary<string, (string Section, ConfigHash Hash)> _index;

    private SnapshotState(
        long version,
        ConfigHash configHash,
        ConfigHash snapshotHash,
        ImmutableDictionary<string, ImmutableSortedDictionary<string, JsonElement>> sections,
        ImmutableDictionary<string, (string Section, ConfigHash Hash)> index)
    {
        Version = version;
        ConfigHash = configHash;
        SnapshotHash = snapshotHash;
        _sections = sections;
        _index = index;
    }

    /// <summary>The configuration version.</summary>
    public long Version { get; }

    /// <summary>The control plane's hash of the whole configuration at <see cref="Version"/>.</summary>
    public ConfigHash ConfigHash { get; }

    /// <summary>The hash of the entities held, computed here from them.</summary>
    public ConfigHash SnapshotHash { get; }

    /// <summary>Number of entities held.</summary>
    public int Count => _index.Count;

    /// <summary>
    /// Reads a whole snapshot document (<c>GET /v1/config</c> or the cache file): the version and config hash from
    /// <c>_konnectes</c>, every entity of every section, and the snapshot hash computed from them.
    /// </summary>
    public static SnapshotState FromDocument(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty(SnapshotHeader.Member, out var header)
            || !SnapshotHeader.TryReadVersion(header, "version", out var version)
            || !SnapshotHeader.TryReadHash(header, "config_hash", out var configHash))
        {
            throw new FormatException("The snapshot has no valid _konnectes member (version, config_hash).");
        }

        var sections = ImmutableDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, JsonElement>>(StringComparer.Ordinal);
        var index = ImmutableDictionary.CreateBuilder<string, (string, ConfigHash)>(StringComparer.Ordinal);
        var hash = ConfigHash.Empty;
        using var hasher = new EntityHasher();
        foreach (var section in SnapshotDocument.Sections)
        {
            var entities = new List<KeyValuePair<string, JsonElement>>();
            if (document.TryGetProperty(section, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var entity in array.EnumerateArray())
                {
                    var id = IdOf(entity) ?? throw new FormatException($"An entity in '{section}' has no id.");
                    if (index.TryGetValue(id, out var previous))
                    {
                        throw new FormatException($"The id {id} appears twice (in '{previous.Item1}' and '{section}').");
                    }

                    var entityHash = hasher.Hash(section, entity);
                    entities.Add(KeyValuePair.Create(id, entity.Clone()));
                    index[id] = (section, entityHash);
                    hash = hash.Add(entityHash);
                }
            }

            sections[section] = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entities);
        }

        return new SnapshotState(version, configHash, hash, sections.ToImmutable(), index.ToImmutable());
    }

    /// <summary>
    /// Applies a delta: every id in <c>deletes</c> and in <c>upserts</c> is removed from whatever section holds it,
    /// then each upserted entity is added to its section (the domain's <c>ConfigDelta.ApplyTo</c>).
    /// This state is not modified.
    /// </summary>
    public SnapshotState Apply(SnapshotDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var index = _index.ToBuilder();
        var hash = SnapshotHash;

        // One builder per touched section: a 10,000-entity delta edits each tree in place instead of copying paths.
        var touched = new Dictionary<string, ImmutableSortedDictionary<string, JsonElement>.Builder>(StringComparer.Ordinal);
        ImmutableSortedDictionary<string, JsonElement>.Builder Edit(string section)
        {
            if (!touched.TryGetValue(section, out var builder))
            {
                builder = _sections.TryGetValue(section, out var existing)
                    ? existing.ToBuilder()
                    : ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
                touched[section] = builder;
            }

            return builder;
        }

        void Remove(string id)
        {
            if (index.TryGetValue(id, out var held))
            {
                Edit(held.Section).Remove(id);
                index.Remove(id);
                hash = hash.Subtract(held.Hash);
            }
        }

        foreach (var id in delta.Deletes)
        {
            Remove(id);
        }

        foreach (var (_, entity) in delta.Upserts)
        {
            Remove(IdOf(entity)!);
        }

        using var hasher = new EntityHasher();
        foreach (var (section, entity) in delta.Upserts)
        {
            var id = IdOf(entity)!;
            Remove(id); // an entity upserted twice: the last one wins

            // Sections unknown to this build are carried but, like SnapshotContentHash.OfDocument, not hashed.
            var entityHash = KnownSections.Contains(section) ? hasher.Hash(section, entity) : ConfigHash.Empty;
            Edit(section)[id] = entity.Clone();
            index[id] = (section, entityHash);
            hash = hash.Add(entityHash);
        }

        var sections = _sections.ToBuilder();
        foreach (var (section, builder) in touched)
        {
            sections[section] = builder.ToImmutable();
        }

        return new SnapshotState(delta.Version, delta.ConfigHash, hash, sections.ToImmutable(), index.ToImmutable());
    }

    /// <summary>The same entities under another version (a change that shipped nothing new).</summary>
    public SnapshotState WithVersion(long version, ConfigHash configHash) =>
        new(version, configHash, SnapshotHash, _sections, _index);

    /// <summary>The entities of one section, ordered by id.</summary>
    public IEnumerable<JsonElement> Section(string section) =>
        _sections.TryGetValue(section, out var entities) ? entities.Values : [];

    /// <summary>
    /// The whole document as UTF-8 JSON: <c>_format_version</c>, <c>_transform</c>, <c>_konnectes</c> (version and both
    /// hashes), then the sections in load order, each ordered by id.
    /// </summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("_format_version", "3.0");
            writer.WriteBoolean("_transform", false);
            writer.WriteStartObject(SnapshotHeader.Member);
            writer.WriteNumber("version", Version);
            writer.WriteString("config_hash", ConfigHash.ToString());
            writer.WriteString("snapshot_hash", SnapshotHash.ToString());
            writer.WriteEndObject();
            var extra = _sections.Keys.Where(k => !KnownSections.Contains(k)).Order(StringComparer.Ordinal);
            foreach (var section in SnapshotDocument.Sections.Concat(extra))
            {
                writer.WriteStartArray(section);
                foreach (var entity in Section(section))
                {
                    entity.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>What the proxy is handed: the entities by section, and the document built from them when asked for.</summary>
    public AppliedSnapshot ToAppliedSnapshot()
    {
        var sections = SnapshotDocument.Sections.Concat(_sections.Keys.Where(k => !KnownSections.Contains(k)))
            .ToDictionary(s => s, s => Section(s).ToImmutableArray(), StringComparer.Ordinal);
        return new AppliedSnapshot(Version, ConfigHash, SnapshotHash, sections, ToJson);
    }

    /// <summary>An entity's <c>id</c>, or null.</summary>
    public static string? IdOf(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
