using System.Text.Json;
using System.Text.Json.Serialization;

namespace KonnectES.EventStore;

/// <summary>
/// Configuration of the event store.
/// </summary>
public sealed class EventStoreOptions
{
    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL schema that holds the store's tables; created at start-up. A lower-case identifier.</summary>
    public string Schema { get; set; } = "kes";

    /// <summary>The event type names; every appended event's type must be registered.</summary>
    public EventTypes Events { get; } = new();

    /// <summary>How events and snapshots are serialised: camelCase, enums as strings, nulls omitted.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>How many events <c>ReadAllAsync</c> fetches per round trip.</summary>
    public int ReadBatchSize { get; set; } = 1000;

    /// <summary>Whether the store runs schema migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The async projection daemon.</summary>
    public ProjectionDaemonOptions Daemon { get; } = new();
}
