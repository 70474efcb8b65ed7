using System.Text.Json;

namespace KonnectES.EventStore.Storage;

/// <summary>Turns events into stored JSON and back, through the registered names and upcasters.</summary>
internal sealed class EventSerializer(EventTypes types, JsonSerializerOptions options)
{
    public string NameOf(object @event) => types.NameOf(@event.GetType());

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), options);

    public string? SerializeHeaders(IReadOnlyDictionary<string, string>? headers) =>
        headers is null || headers.Count == 0 ? null : JsonSerializer.Serialize(headers, options);

    public string SerializeState<TState>(TState state) => JsonSerializer.Serialize(state, options);

    public TState DeserializeState<TState>(string json) => JsonSerializer.Deserialize<TState>(json, options)!;

    public EventEnvelope ToEnvelope(StoredEvent stored)
    {
        object data;
        var eventType = stored.EventType;
        if (types.TryGetType(stored.EventType, out var type))
        {
            data = JsonSerializer.Deserialize(stored.Data, type, options)
                ?? throw new JsonException($"Event {stored.EventId} of type '{stored.EventType}' has null data.");
        }
        else if (types.TryGetUpcaster(stored.EventType, out var upcast))
        {
            using var document = JsonDocument.Parse(stored.Data);
            data = upcast(document.RootElement);
            eventType = types.NameOf(data.GetType());
        }
        else
        {
            throw new UnknownEventTypeException(stored.EventType, stored.StreamId, stored.Version);
        }

        return new EventEnvelope(stored.EventId, stored.StreamId, stored.Version, stored.Position, eventType, data, stored.Timestamp, MetadataOf(stored));
    }

    private EventMetadata MetadataOf(StoredEvent stored) =>
        stored.Actor is null && stored.CorrelationId is null && stored.CausationId is null && stored.TenantId is null && stored.Headers is null
            ? EventMetadata.None
            : new EventMetadata
            {
                Actor = stored.Actor,
                CorrelationId = stored.CorrelationId,
                CausationId = stored.CausationId,
                TenantId = stored.TenantId,
                Headers = stored.Headers is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Headers, options),
            };
}
