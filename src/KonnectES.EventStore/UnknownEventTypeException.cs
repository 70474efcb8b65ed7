namespace KonnectES.EventStore;

/// <summary>
/// A stored event has a type name that no registration or upcaster knows.
/// </summary>
public sealed class UnknownEventTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownEventTypeException(string eventType, Guid streamId, long version)
        : base($"Unknown event type '{eventType}' (stream {streamId}, version {version}): register it with " +
               $"EventStoreOptions.Events.Register<T>(\"{eventType}\") or add an upcaster for it.")
    {
        EventType = eventType;
        StreamId = streamId;
        Version = version;
    }

    /// <summary>The unknown type name as stored.</summary>
    public string EventType { get; }

    /// <summary>The stream of the event.</summary>
    public Guid StreamId { get; }

    /// <summary>The event's version in its stream.</summary>
    public long Version { get; }
}
