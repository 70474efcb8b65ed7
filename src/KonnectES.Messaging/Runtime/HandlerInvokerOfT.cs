using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Messaging.Runtime;

internal sealed class HandlerInvoker<TMessage> : HandlerInvoker
{
    public override async Task InvokeAsync(IServiceProvider services, byte[] body, JsonSerializerOptions serializerOptions, MessageContext context, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<TMessage>(body, serializerOptions)
            ?? throw new JsonException($"Message {context.MessageId} of type {context.MessageType} has a null body.");
        foreach (var handler in services.GetServices<IMessageHandler<TMessage>>())
        {
            await handler.HandleAsync(message, context, cancellationToken);
        }
    }
}
