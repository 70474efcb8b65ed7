using System.Text.Json;
using System.Text.Json.Serialization;

namespace KonnectES.Messaging;

/// <summary>
/// Configuration of the messaging library; validated when the host starts.
/// </summary>
public sealed class MessagingOptions
{
    /// <summary>The Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL schema that holds the outbox, inbox, broadcasts, dead letters and nodes; created at start-up.
    /// A lower-case identifier of at most 40 characters. Default <c>kes_messaging</c>.
    /// </summary>
    public string Schema { get; set; } = "kes_messaging";

    /// <summary>A readable name for this node in the nodes table. Default: machine name and process id.</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Whether this process runs the relay and the broadcast receiver. Default true; a process that only
    /// enqueues (a command-line tool, a migration job) sets it to false and dispatches nothing.
    /// </summary>
    public bool RunRelay { get; set; } = true;

    /// <summary>Whether the schema is created when the host starts. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How message bodies are serialised: camelCase, enums as strings, nulls omitted.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Claiming, wake-ups and retention.</summary>
    public RelayOptions Relay { get; } = new();

    /// <summary>Retries with exponential backoff before a message is dead-lettered.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>The node registry: heartbeats and the detection of dead nodes.</summary>
    public NodeOptions Nodes { get; } = new();
}
