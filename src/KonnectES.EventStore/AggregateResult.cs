namespace KonnectES.EventStore;

/// <summary>
/// A stream folded into state.
/// </summary>
/// <param name="State">The state after the last event.</param>
/// <param name="Version">The stream version it reflects (0: no stream); append with <c>ExpectedVersion.Exact(Version)</c>.</param>
/// <param name="SnapshotVersion">The version of the snapshot the fold started from, or null.</param>
public sealed record AggregateResult<TState>(TState State, long Version, long? SnapshotVersion);
