using KonnectES.Messaging.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Messaging;

internal sealed class MessagingBuilder(IServiceCollection services) : IMessagingBuilder
{
    public IServiceCollection Services { get; } = services;

    public IMessagingBuilder AddMessageType<TMessage>(string name)
        where TMessage : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.AddSingleton(new MessageTypeRegistration(typeof(TMessage), name));
        return this;
    }

    public IMessagingBuilder AddHandler<TMessage, THandler>()
        where TMessage : notnull
        where THandler : class, IMessageHandler<TMessage>
    {
        Services.AddScoped<IMessageHandler<TMessage>, THandler>();
        Services.AddSingleton(new HandlerRegistration(typeof(TMessage), typeof(THandler)));
        return this;
    }
}
