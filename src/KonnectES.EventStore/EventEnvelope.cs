namespace KonnectES.EventStore;

/// <summary>
/// A stored event with everything the store knows about it.
/// </summary>
/// <param name="EventId">The event's own id (UUIDv7, assigned at append).</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="Version">Its version within the stream: 1 for the first event, gapless.</param>
/// <param name="Position">Its place in the global order.</param>
/// <param name="EventType">The registered, stable type name.</param>
/// <param name="Data">The deserialised (and, if needed, upcast) event.</param>
/// <param name="Timestamp">The database time of the appending transaction.</param>
/// <param name="Metadata">Actor, correlation, causation, tenant and headers.</param>
public sealed record EventEnvelope(
    Guid EventId,
    Guid StreamId,
    long Version,
    Position Position,
    string EventType,
    object Data,
    DateTimeOffset Timestamp,
    EventMetadata Metadata);
