using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// A whole snapshot (Kong declarative 3.0, flat sections, ids, <c>_konnectes</c>) whose <see cref="SnapshotHash"/> the
/// sync client has checked against the control plane's. Immutable and safe to read from any thread. The entities are
/// at hand by section at no cost; <see cref="Document"/> builds the single JSON document on first use (on a 10,000-entity
/// snapshot that is a few megabytes written and parsed again, so a proxy that compiles section by section skips it).
/// </summary>
internal sealed class AppliedSnapshot
{
    private readonly Lazy<JsonElement> _document;

    /// <summary>A snapshot of the entities <paramref name="sections"/> holds.</summary>
    public AppliedSnapshot(
        long version, ConfigHash configHash, ConfigHash snapshotHash, IReadOnlyDictionary<string, ImmutableArray<JsonElement>> sections, Func<byte[]> json)
    {
        Version = version;
        ConfigHash = configHash;
        SnapshotHash = snapshotHash;
        Sections = sections;
        _document = new Lazy<JsonElement>(() => JsonSerializer.Deserialize<JsonElement>(json()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The configuration version it is the snapshot of.</summary>
    public long Version { get; }

    /// <summary>The control plane's hash of the whole configuration at that version.</summary>
    public ConfigHash ConfigHash { get; }

    /// <summary>The hash of exactly the shipped entities (<see cref="SnapshotContentHash"/>).</summary>
    public ConfigHash SnapshotHash { get; }

    /// <summary>Every section of <see cref="SnapshotDocument.Sections"/> (and any other the node sent), entities ordered by id.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<JsonElement>> Sections { get; }

    /// <summary>The whole document, <c>_konnectes</c> included (built once, on first use).</summary>
    public JsonElement Document => _document.Value;
}
