using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// Runs the handlers of one message in a DI scope of its own, inside the given transaction.
/// </summary>
internal sealed class Dispatcher(IServiceScopeFactory scopes, MessageTypeRegistry registry, IOptions<MessagingOptions> options, Outbox outbox, NodeState node)
{
    private readonly JsonSerializerOptions _serializerOptions = options.Value.SerializerOptions;

    // beforeFirstUse runs when a handler first asks for the transaction (the relay sets a savepoint there).
    public async Task<DispatchOutcome> DispatchAsync(
        Envelope envelope, int attempt, NpgsqlTransaction transaction, Func<CancellationToken, Task>? beforeFirstUse, CancellationToken cancellationToken)
    {
        var invoker = registry.InvokerFor(envelope.MessageType);
        if (invoker is null)
        {
            var error = registry.IsKnown(envelope.MessageType)
                ? new UnknownMessageTypeException($"No handler is registered for message type '{envelope.MessageType}'.")
                : new UnknownMessageTypeException($"Message type name '{envelope.MessageType}' is not registered.");
            return new DispatchOutcome(error, Permanent: true, NoHandler: true, UsedTransaction: false);
        }

        var context = new MessageContext(outbox, envelope, attempt, node.NodeNumber, transaction, beforeFirstUse);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await invoker.InvokeAsync(scope.ServiceProvider, envelope.Body, _serializerOptions, context, cancellationToken);
            return DispatchOutcome.Success;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A body that does not deserialise will never succeed: no point retrying it.
            return new DispatchOutcome(exception, Permanent: exception is JsonException, NoHandler: false, context.UsedTransaction);
        }
    }
}
