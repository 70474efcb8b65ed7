using Npgsql;

namespace KonnectES.Messaging;

/// <summary>
/// The envelope of the message being handled and the database session to handle it in.
/// </summary>
public sealed class MessageContext
{
    private readonly IOutbox _outbox;

    internal MessageContext(IOutbox outbox, Envelope envelope, int attempt, int nodeNumber, NpgsqlTransaction transaction)
    {
        _outbox = outbox;
        MessageId = envelope.Id;
        MessageType = envelope.MessageType;
        CorrelationId = envelope.CorrelationId ?? envelope.Id.ToString();
        CausationId = envelope.CausationId;
        Headers = envelope.Headers;
        Delivery = envelope.Broadcast ? MessageDelivery.Broadcast : MessageDelivery.PointToPoint;
        Attempt = attempt;
        NodeNumber = nodeNumber;
        Transaction = transaction;
    }

    /// <summary>The message id (the de-duplication key).</summary>
    public Guid MessageId { get; }

    /// <summary>The registered name of the message type.</summary>
    public string MessageType { get; }

    /// <summary>The correlation id: the sender's, or the message id when the sender set none.</summary>
    public string CorrelationId { get; }

    /// <summary>The id of what caused this message, if the sender said.</summary>
    public string? CausationId { get; }

    /// <summary>Extra envelope headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Point-to-point or broadcast.</summary>
    public MessageDelivery Delivery { get; }

    /// <summary>1 for the first attempt; a broadcast counts its attempts on this node only.</summary>
    public int Attempt { get; }

    /// <summary>The number of the node that handles the message.</summary>
    public int NodeNumber { get; }

    /// <summary>
    /// The transaction that marks the message handled; the handler's own writes in it commit or roll back with that.
    /// </summary>
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The open connection of <see cref="Transaction"/>.</summary>
    public NpgsqlConnection Connection => Transaction.Connection!;

    /// <summary>
    /// Enqueues a follow-up message in <see cref="Transaction"/>; it carries this message's correlation id and
    /// this message's id as its causation id unless <paramref name="options"/> says otherwise.
    /// </summary>
    public Task<Guid> EnqueueAsync<TMessage>(TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        var effective = (options ?? new MessageOptions()) with
        {
            CorrelationId = options?.CorrelationId ?? CorrelationId,
            CausationId = options?.CausationId ?? MessageId.ToString(),
        };
        return _outbox.EnqueueAsync(Transaction, message, effective, cancellationToken);
    }
}
