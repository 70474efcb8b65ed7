namespace KonnectES.Messaging.Tests.Support;

public sealed record LedgerEntry(
    Guid MessageId, object Message, int Attempt, string CorrelationId, string? CausationId, IReadOnlyDictionary<string, string> Headers, int Node);
