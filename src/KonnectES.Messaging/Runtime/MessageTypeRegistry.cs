using System.Collections.Frozen;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// The two-way map between CLR message types and their stored names, and one invoker per handled type.
/// </summary>
internal sealed class MessageTypeRegistry
{
    private readonly FrozenDictionary<Type, string> _names;
    private readonly FrozenDictionary<string, Type> _types;
    private readonly FrozenDictionary<string, HandlerInvoker> _invokers;

    public MessageTypeRegistry(IEnumerable<MessageTypeRegistration> types, IEnumerable<HandlerRegistration> handlers)
    {
        var names = new Dictionary<Type, string>();
        var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in types)
        {
            if ((names.TryGetValue(registration.Type, out var existing) && existing != registration.Name)
                || (byName.TryGetValue(registration.Name, out var other) && other != registration.Type))
            {
                throw new InvalidOperationException(
                    $"Message type {registration.Type.FullName} or name '{registration.Name}' is registered twice with different partners.");
            }

            names[registration.Type] = registration.Name;
            byName[registration.Name] = registration.Type;
        }

        var invokers = new Dictionary<string, HandlerInvoker>(StringComparer.Ordinal);
        foreach (var handled in handlers.Select(h => h.MessageType).Distinct())
        {
            if (!names.TryGetValue(handled, out var name))
            {
                throw new UnknownMessageTypeException(
                    $"A handler is registered for {handled.FullName}, which has no name: call AddMessageType<{handled.Name}>(\"name\").");
            }

            invokers[name] = (HandlerInvoker)Activator.CreateInstance(typeof(HandlerInvoker<>).MakeGenericType(handled))!;
        }

        _names = names.ToFrozenDictionary();
        _types = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _invokers = invokers.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string NameOf(Type type) => _names.TryGetValue(type, out var name)
        ? name
        : throw new UnknownMessageTypeException($"Message type {type.FullName} is not registered: call AddMessageType<{type.Name}>(\"name\").");

    public bool IsKnown(string name) => _types.ContainsKey(name);

    public HandlerInvoker? InvokerFor(string name) => _invokers.GetValueOrDefault(name);
}
