using KonnectES.Messaging;
using KonnectES.Messaging.Runtime;
using KonnectES.Messaging.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers durable messaging.
/// </summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IOutbox"/>, <see cref="IDeadLetterQueue"/>, <see cref="IMessageTracker"/> and the hosted
    /// node (schema migration, node registry, notification listener, relay and broadcast receiver).
    /// </summary>
    public static IMessagingBuilder AddMessaging(this IServiceCollection services, Action<MessagingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(MessagingNode)))
        {
            throw new InvalidOperationException("AddMessaging was already called on this service collection.");
        }

        services.AddOptions<MessagingOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<MessagingDatabase>();
        services.TryAddSingleton<MessageTypeRegistry>();
        services.TryAddSingleton<MessageTracker>();
        services.TryAddSingleton<IMessageTracker>(sp => sp.GetRequiredService<MessageTracker>());
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<Outbox>());
        services.TryAddSingleton<IDeadLetterQueue, DeadLetterQueue>();
        services.TryAddSingleton<NodeState>();
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton<MessagingNode>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MessagingNode>());
        return new MessagingBuilder(services);
    }
}
