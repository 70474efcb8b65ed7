using Npgsql;

namespace KonnectES.EventStore.Storage;

/// <summary>An events row before its payload is deserialised.</summary>
internal sealed record StoredEvent(
    Position Position,
    Guid EventId,
    Guid StreamId,
    long Version,
    string EventType,
    string Data,
    string? TenantId,
    string? Actor,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    DateTimeOffset Timestamp)
{
    /// <summary>Reads the columns of <see cref="EventStoreSql.EventColumns"/>.</summary>
    public static StoredEvent Read(NpgsqlDataReader reader) => new(
        new Position(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)),
        reader.GetGuid(2),
        reader.GetGuid(3),
        reader.GetInt64(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.GetFieldValue<DateTimeOffset>(12));
}
