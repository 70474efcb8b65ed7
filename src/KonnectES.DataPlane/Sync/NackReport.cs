using System.Text.Json.Serialization;

namespace KonnectES.DataPlane.Sync;

/// <summary>The body of <c>POST /v1/nack</c>: the snapshot the proxy refused, and why.</summary>
internal sealed record NackReport(
    [property: JsonPropertyName("node_id")] Guid NodeId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("config_hash")] string ConfigHash,
    [property: JsonPropertyName("snapshot_hash")] string SnapshotHash,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("details")] IReadOnlyList<string> Details);
