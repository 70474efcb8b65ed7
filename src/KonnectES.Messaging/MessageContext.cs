using Npgsql;

namespace KonnectES.Messaging;

/// <summary>
/// The envelope of the message being handled and the database session to handle it in.
/// </summary>
public sealed class MessageContext
{
    private readonly IOutbox _outbox;
    private readonly NpgsqlTransaction _transaction;
    private readonly Func<CancellationToken, Task>? _beforeFirstUse;

    internal MessageContext(IOutbox outbox, Envelope envelope, int attempt, int nodeNumber, NpgsqlTransaction transaction, Func<CancellationToken, Task>? beforeFirstUse)
    {
        _outbox = outbox;
        _transaction = transaction;
        _beforeFirstUse = beforeFirstUse;
        MessageId = envelope.Id;
        MessageType = envelope.MessageType;
        CorrelationId = envelope.CorrelationId ?? envelope.Id.ToString();
        CausationId = envelope.CausationId;
        Headers = envelope.Headers;
        Delivery = envelope.Broadcast ? MessageDelivery.Broadcast : MessageDelivery.PointToPoint;
        Attempt = attempt;
        NodeNumber = nodeNumber;
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

    /// <summary>True once the handler asked for the transaction (a savepoint then guards its writes).</summary>
    internal bool UsedTransaction { get; private set; }

    /// <summary>
    /// The transaction that marks the message handled: the handler's writes in it commit with that, or roll
    /// back alone when the handler throws. The first call sets a savepoint (one round trip), so handlers that
    /// never write to the database cost nothing extra. Use its <c>Connection</c> for commands.
    /// </summary>
    public async ValueTask<NpgsqlTransaction> GetTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (!UsedTransaction)
        {
            if (_beforeFirstUse is not null)
            {
                await _beforeFirstUse(cancellationToken);
            }

            UsedTransaction = true;
        }

        return _transaction;
    }

    /// <summary>
    /// Enqueues a follow-up message in the handler's transaction (see <see cref="GetTransactionAsync"/>); it carries this message's correlation id and
    /// this message's id as its causation id unless <paramref name="options"/> says otherwise.
    /// </summary>
    public async Task<Guid> EnqueueAsync<TMessage>(TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        var effective = (options ?? new MessageOptions()) with
        {
            CorrelationId = options?.CorrelationId ?? CorrelationId,
            CausationId = options?.CausationId ?? MessageId.ToString(),
        };
        var transaction = await GetTransactionAsync(cancellationToken);
        return await _outbox.EnqueueAsync(transaction, message, effective, cancellationToken);
    }
}
