using Npgsql;

namespace KonnectES.Messaging;

/// <summary>
/// Writes messages to the outbox inside the caller's transaction: the message exists if and only if the
/// transaction commits, and the relays are woken when it does.
/// </summary>
public interface IOutbox
{
    /// <summary>Enqueues one message in <paramref name="transaction"/> and returns its id.</summary>
    public Task<Guid> EnqueueAsync<TMessage>(NpgsqlTransaction transaction, TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull;

    /// <summary>Enqueues several messages in one round trip and returns their ids, in order.</summary>
    public Task<IReadOnlyList<Guid>> EnqueueManyAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Enqueues one message in a transaction of its own (for callers that write nothing else).</summary>
    public Task<Guid> SendAsync<TMessage>(TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull;
}
