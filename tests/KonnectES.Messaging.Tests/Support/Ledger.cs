using System.Collections.Concurrent;

namespace KonnectES.Messaging.Tests.Support;

/// <summary>What the handlers of one node saw, in order.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();

    public IReadOnlyList<LedgerEntry> Entries => [.. _entries];

    public void Record(object message, MessageContext context) =>
        _entries.Enqueue(new LedgerEntry(context.MessageId, message, context.Attempt, context.CorrelationId, context.CausationId, context.Headers, context.NodeNumber));
}
