using System.Text.Json;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// Deserialises a body and runs every handler of one message type.
/// </summary>
internal abstract class HandlerInvoker
{
    public abstract Task InvokeAsync(IServiceProvider services, byte[] body, JsonSerializerOptions serializerOptions, MessageContext context, CancellationToken cancellationToken);
}
