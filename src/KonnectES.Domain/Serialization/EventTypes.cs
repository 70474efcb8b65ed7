using System.Collections.Frozen;
using System.Text.Json;

namespace KonnectES.Domain;

/// <summary>
/// The stable names of the event types, for storage: <c>service_created</c>, <c>config_rolled_back</c>…
/// The name is the snake_case of the CLR type name, fixed here once and for all; renaming a type
/// must keep its stored name.
/// </summary>
public static class EventTypes
{
    private static readonly Type[] Types =
    [
        typeof(ControlPlaneCreated), typeof(ControlPlaneUpdated), typeof(ControlPlaneDeleted),
        typeof(ServiceCreated), typeof(ServiceUpdated), typeof(ServiceDeleted),
        typeof(RouteCreated), typeof(RouteUpdated), typeof(RouteDeleted),
        typeof(ConsumerCreated), typeof(ConsumerUpdated), typeof(ConsumerDeleted),
        typeof(ConsumerGroupCreated), typeof(ConsumerGroupUpdated), typeof(ConsumerGroupDeleted),
        typeof(ConsumerAddedToGroup), typeof(ConsumerRemovedFromGroup),
        typeof(UpstreamCreated), typeof(UpstreamUpdated), typeof(UpstreamDeleted),
        typeof(TargetCreated), typeof(TargetUpdated), typeof(TargetDeleted),
        typeof(PluginCreated), typeof(PluginUpdated), typeof(PluginDeleted),
        typeof(CertificateCreated), typeof(CertificateUpdated), typeof(CertificateDeleted),
        typeof(SniCreated), typeof(SniUpdated), typeof(SniDeleted),
        typeof(CaCertificateCreated), typeof(CaCertificateUpdated), typeof(CaCertificateDeleted),
        typeof(CredentialCreated), typeof(CredentialUpdated), typeof(CredentialDeleted),
        typeof(ConfigImported), typeof(ConfigRolledBack),
    ];

    /// <summary>Every (stable name, CLR type) pair, for registering with the event store.</summary>
    public static IReadOnlyList<(string Name, Type Type)> All { get; } =
        [.. Types.Select(t => (JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Name), t))];

    private static readonly FrozenDictionary<string, Type> ByName = All.ToFrozenDictionary(p => p.Name, p => p.Type);
    private static readonly FrozenDictionary<Type, string> ByType = All.ToFrozenDictionary(p => p.Type, p => p.Name);

    /// <summary>The stable name of an event type.</summary>
    public static string NameOf(Type type) =>
        ByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.Name} is not a configuration event.", nameof(type));

    /// <summary>The stable name of an event.</summary>
    public static string NameOf(IConfigEvent @event) => NameOf(@event.GetType());

    /// <summary>The CLR type stored under <paramref name="name"/>, or null.</summary>
    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Serializes an event body with <see cref="DomainJson.Options"/>.</summary>
    public static string Serialize(IConfigEvent @event) => DomainJson.Serialize(@event);

    /// <summary>Deserializes an event body stored under <paramref name="name"/>.</summary>
    public static IConfigEvent Deserialize(string name, string json) =>
        (IConfigEvent)(DomainJson.Deserialize(json, TypeOf(name) ?? throw new ArgumentException($"Unknown event name '{name}'.", nameof(name)))
            ?? throw new ArgumentException("The event body is null.", nameof(json)));
}
