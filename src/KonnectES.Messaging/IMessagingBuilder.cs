namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers message types and handlers; returned by <c>AddMessaging</c>.
/// </summary>
public interface IMessagingBuilder
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Gives <typeparamref name="TMessage"/> the stable name stored with its messages. Renaming the CLR type
    /// keeps working; renaming the stored name orphans queued messages.
    /// </summary>
    public IMessagingBuilder AddMessageType<TMessage>(string name)
        where TMessage : notnull;

    /// <summary>Registers a scoped handler; several handlers of one type all run, in registration order.</summary>
    public IMessagingBuilder AddHandler<TMessage, THandler>()
        where TMessage : notnull
        where THandler : class, KonnectES.Messaging.IMessageHandler<TMessage>;
}
