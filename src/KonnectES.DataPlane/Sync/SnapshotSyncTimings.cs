namespace KonnectES.DataPlane.Sync;

/// <summary>
/// How long the stages of the last snapshot sync took, from the moment the client set out to fetch the announced
/// version to the moment the proxy served it (or refused it).
/// </summary>
/// <param name="Version">The version synced.</param>
/// <param name="Kind"><c>delta</c> or <c>full snapshot</c>.</param>
/// <param name="Bytes">The size of the body downloaded.</param>
/// <param name="Download">The request to the control plane, body included.</param>
/// <param name="Parse">Parsing the body.</param>
/// <param name="Hash">Applying the delta to the held snapshot (or reading the full one) and hashing every new entity.</param>
/// <param name="Compile">The proxy's compile and swap.</param>
/// <param name="Total">Everything, from the start of the sync to the swap.</param>
/// <param name="Applied">True when the proxy serves it, false when it refused it.</param>
/// <param name="StartedAt">When the client set out to fetch it (right after the change was announced, unless a sync was under way).</param>
internal sealed record SnapshotSyncTimings(
    long Version, string Kind, long Bytes, TimeSpan Download, TimeSpan Parse, TimeSpan Hash, TimeSpan Compile, TimeSpan Total, bool Applied,
    DateTimeOffset StartedAt);
