namespace KonnectES.EventStore;

/// <summary>
/// One stream's part of a multi-stream append.
/// </summary>
/// <param name="StreamId">The stream.</param>
/// <param name="ExpectedVersion">The optimistic-concurrency check for this stream.</param>
/// <param name="Events">The events, in order; at least one.</param>
public sealed record StreamAppend(Guid StreamId, ExpectedVersion ExpectedVersion, IReadOnlyList<object> Events);
