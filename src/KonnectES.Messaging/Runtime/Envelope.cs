namespace KonnectES.Messaging;

/// <summary>
/// A stored message as read back from the outbox or the broadcasts table.
/// </summary>
internal sealed record Envelope(
    long Seq,
    Guid Id,
    string MessageType,
    byte[] Body,
    string? CorrelationId,
    string? CausationId,
    IReadOnlyDictionary<string, string> Headers,
    bool Broadcast,
    int Attempts);
