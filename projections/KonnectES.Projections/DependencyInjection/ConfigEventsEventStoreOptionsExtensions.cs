using System.Text.Json;
using KonnectES.Domain;
using KonnectES.EventStore;
using KonnectES.Projections;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Teaches an event store the configuration events.
/// </summary>
public static class ConfigEventsEventStoreOptionsExtensions
{
    private static readonly JsonSerializerOptions StoredEventJson = CreateStoredEventJson();

    /// <summary>
    /// Registers every configuration event under its stable name (<see cref="KonnectES.Domain.EventTypes.All"/>) and makes the store
    /// serialize with <see cref="DomainJson.Options"/>, the events' JSON contract (also used for aggregate snapshots).
    /// Event bodies are stored as <c>jsonb</c>, which reorders keys: entities' <c>$kind</c> discriminators are accepted
    /// anywhere in their object, and plugin configs are read back in the domain's canonical key order.
    /// </summary>
    public static EventStoreOptions RegisterConfigEvents(this EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SerializerOptions = StoredEventJson;
        foreach (var (name, type) in KonnectES.Domain.EventTypes.All)
        {
            options.Events.Register(type, name);
        }

        return options;
    }

    private static JsonSerializerOptions CreateStoredEventJson()
    {
        var options = new JsonSerializerOptions(DomainJson.Options) { AllowOutOfOrderMetadataProperties = true };
        options.Converters.Add(new CanonicalJsonElementConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
