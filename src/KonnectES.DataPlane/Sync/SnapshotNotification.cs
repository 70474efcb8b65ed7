using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>A node's <c>snapshot_ready</c> message: the head of the control plane's configuration.</summary>
/// <param name="Version">The head version.</param>
/// <param name="ConfigHash">The hash of the whole configuration at that version.</param>
/// <param name="SnapshotHash">The hash of what a data plane holds once it has that version.</param>
internal sealed record SnapshotNotification(long Version, ConfigHash ConfigHash, ConfigHash SnapshotHash)
{
    /// <summary>Reads a push frame or a long-poll answer; null when it is not a <c>snapshot_ready</c> object.</summary>
    public static SnapshotNotification? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.GetString() != "snapshot_ready"
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !SnapshotHeader.TryReadHash(root, "config_hash", out var configHash)
                || !SnapshotHeader.TryReadHash(root, "snapshot_hash", out var snapshotHash))
            {
                return null;
            }

            return new SnapshotNotification(version.GetInt64(), configHash, snapshotHash);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
