using System.Text.Json.Nodes;
using KonnectES.Domain;

namespace KonnectES.Server.Tests.Cluster;

/// <summary>Applies a delta as docs/cluster-protocol.md tells a data plane to: remove deletes and upserts everywhere, then add the upserts.</summary>
internal static class DeltaApplier
{
    public static JsonObject Apply(JsonObject snapshot, JsonObject delta)
    {
        var result = snapshot.DeepClone().AsObject();
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, ids) in delta["deletes"]!.AsObject())
        {
            removed.UnionWith(ids!.AsArray().Select(i => i!.GetValue<string>()));
        }

        foreach (var (_, entities) in delta["upserts"]!.AsObject())
        {
            removed.UnionWith(entities!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
        }

        foreach (var section in SnapshotDocument.Sections)
        {
            var kept = (result[section] as JsonArray ?? []).Where(e => !removed.Contains(e!["id"]!.GetValue<string>())).Select(e => e!.DeepClone());
            var added = (delta["upserts"]![section] as JsonArray ?? []).Select(e => e!.DeepClone());
            result[section] = new JsonArray([.. kept, .. added]);
        }

        result["_konnectes"] = delta["_konnectes"]!.DeepClone();
        return result;
    }

    public static ConfigHash ContentHash(JsonObject document)
    {
        using var parsed = System.Text.Json.JsonDocument.Parse(document.ToJsonString());
        return SnapshotContentHash.OfDocument(parsed.RootElement);
    }
}
