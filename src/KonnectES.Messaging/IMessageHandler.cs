namespace KonnectES.Messaging;

/// <summary>
/// Handles messages of one type. Registered with <c>IMessagingBuilder.AddHandler</c>
/// (scoped: one instance per message). Delivery is at-least-once; writes made through
/// <see cref="MessageContext.GetTransactionAsync"/> commit atomically with the message being marked handled.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public interface IMessageHandler<in TMessage>
{
    /// <summary>Handles one message; throwing schedules a retry or, after the last attempt, a dead letter.</summary>
    public Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}
