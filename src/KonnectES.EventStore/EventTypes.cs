using System.Text.Json;

namespace KonnectES.EventStore;

/// <summary>
/// The map between stored event type names and CLR types. Names are explicit and stable: renaming or
/// moving a CLR type only changes its registration, never the stored events.
/// </summary>
public sealed class EventTypes
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];
    private readonly Dictionary<string, Func<JsonElement, object>> _upcasters = new(StringComparer.Ordinal);

    /// <summary>Registers <typeparamref name="TEvent"/> under <paramref name="name"/>, e.g. <c>account_opened</c>.</summary>
    public EventTypes Register<TEvent>(string name)
        where TEvent : class => Register(typeof(TEvent), name);

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/>.</summary>
    public EventTypes Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_byName.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"Event type name '{name}' is already registered for {existing}.", nameof(name));
        }

        if (_byType.TryGetValue(type, out var existingName) && existingName != name)
        {
            throw new ArgumentException($"{type} is already registered as '{existingName}'.", nameof(type));
        }

        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    /// <summary>
    /// Reads events stored under an old name (e.g. <c>account_opened.v1</c>) as <typeparamref name="TEvent"/>:
    /// <paramref name="upcast"/> turns the old JSON into the current event when it is read.
    /// </summary>
    public EventTypes Upcast<TEvent>(string storedName, Func<JsonElement, TEvent> upcast)
        where TEvent : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        ArgumentNullException.ThrowIfNull(upcast);
        _upcasters[storedName] = json => upcast(json);
        return this;
    }

    internal string NameOf(Type type) => _byType.TryGetValue(type, out var name)
        ? name
        : throw new ArgumentException($"{type} is not a registered event type: call EventStoreOptions.Events.Register<{type.Name}>(\"name\").");

    internal bool TryGetUpcaster(string storedName, out Func<JsonElement, object> upcaster) =>
        _upcasters.TryGetValue(storedName, out upcaster!);

    internal bool TryGetType(string name, out Type type) => _byName.TryGetValue(name, out type!);
}
