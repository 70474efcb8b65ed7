namespace KonnectES.EventStore;

/// <summary>
/// Who and what caused an append; stored with every event of that append.
/// </summary>
public sealed record EventMetadata
{
    /// <summary>No metadata.</summary>
    public static EventMetadata None { get; } = new();

    /// <summary>The user, service account or <c>system:&lt;agent&gt;</c> that caused the events.</summary>
    public string? Actor { get; init; }

    /// <summary>The request or trace id shared by everything one request caused.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the command, message or event that caused these events.</summary>
    public string? CausationId { get; init; }

    /// <summary>A partition key, e.g. the organisation that owns the stream.</summary>
    public string? TenantId { get; init; }

    /// <summary>Free name/value pairs (source address, user agent, idempotency key, ...), stored as <c>jsonb</c>.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
