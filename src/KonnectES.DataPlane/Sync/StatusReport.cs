using System.Text.Json.Serialization;

namespace KonnectES.DataPlane.Sync;

/// <summary>The body of <c>POST /v1/status</c>, the heartbeat.</summary>
internal sealed record StatusReport(
    [property: JsonPropertyName("node_id")] Guid NodeId,
    [property: JsonPropertyName("hostname")] string Hostname,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("config_version")] long? ConfigVersion,
    [property: JsonPropertyName("config_hash")] string? ConfigHash,
    [property: JsonPropertyName("snapshot_hash")] string? SnapshotHash,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
