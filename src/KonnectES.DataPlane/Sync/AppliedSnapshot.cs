using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// A whole snapshot document (Kong declarative 3.0, flat sections, ids, <c>_konnectes</c>) whose
/// <see cref="SnapshotHash"/> the sync client has checked against the control plane's.
/// </summary>
/// <param name="Version">The configuration version it is the snapshot of.</param>
/// <param name="ConfigHash">The control plane's hash of the whole configuration at that version.</param>
/// <param name="SnapshotHash">The hash of exactly the shipped entities (<see cref="SnapshotContentHash"/>).</param>
/// <param name="Document">The document; an immutable element, safe to read from any thread.</param>
internal sealed record AppliedSnapshot(long Version, ConfigHash ConfigHash, ConfigHash SnapshotHash, JsonElement Document);
