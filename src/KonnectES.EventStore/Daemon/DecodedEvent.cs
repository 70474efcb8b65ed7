using KonnectES.EventStore.Storage;

namespace KonnectES.EventStore.Daemon;

/// <summary>A stored event with either its envelope or the error that prevented reading it.</summary>
internal sealed record DecodedEvent(StoredEvent Stored, EventEnvelope? Envelope, Exception? Error);
