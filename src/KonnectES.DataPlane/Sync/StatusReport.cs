using System.Text.Json.Serialization;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The body of <c>POST /v1/status</c>, the heartbeat. <see cref="TargetHealth"/> is the node's whole target health,
/// sent only when it differs from the last acknowledged report (and after a start or a reconnection); null, and left
/// out of the JSON, when unchanged.
/// </summary>
internal sealed record StatusReport(
    [property: JsonPropertyName("node_id")] Guid NodeId,
    [property: JsonPropertyName("hostname")] string Hostname,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("config_version")] long? ConfigVersion,
    [property: JsonPropertyName("config_hash")] string? ConfigHash,
    [property: JsonPropertyName("snapshot_hash")] string? SnapshotHash,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors,
    [property: JsonPropertyName("target_health"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TargetHealthEntry>? TargetHealth = null);
