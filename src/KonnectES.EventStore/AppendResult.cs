namespace KonnectES.EventStore;

/// <summary>
/// The outcome of appending to one stream.
/// </summary>
/// <param name="StreamId">The stream appended to.</param>
/// <param name="Version">The stream's version after the append (the last event's version).</param>
/// <param name="Position">The last appended event's global position; pass it to <c>WaitForNonStaleAsync</c>.</param>
/// <param name="Events">The appended events as stored.</param>
public sealed record AppendResult(Guid StreamId, long Version, Position Position, IReadOnlyList<EventEnvelope> Events);
