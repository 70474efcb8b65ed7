using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>
/// The configuration of one control plane at one version: every entity by id, with unique-key and
/// child indexes and an incrementally maintained <see cref="Hash"/>. Immutable: <see cref="Evolve"/>
/// returns a new state; unchanged parts are shared.
/// </summary>
public sealed partial class ControlPlaneConfig
{
    private static readonly ImmutableHashSet<Guid> NoIds = [];

    private readonly ImmutableDictionary<Guid, ConfigEntity> _entities;
    private readonly ImmutableDictionary<EntityType, ImmutableHashSet<Guid>> _byKind;
    private readonly ImmutableDictionary<string, Guid> _unique;
    private readonly ImmutableDictionary<Guid, ImmutableHashSet<Guid>> _children;
    private readonly ImmutableDictionary<Guid, ConfigHash> _hashes;

    private ControlPlaneConfig(
        Guid controlPlaneId,
        ControlPlane? controlPlane,
        long version,
        ConfigHash hash,
        ImmutableDictionary<Guid, ConfigEntity> entities,
        ImmutableDictionary<EntityType, ImmutableHashSet<Guid>> byKind,
        ImmutableDictionary<string, Guid> unique,
        ImmutableDictionary<Guid, ImmutableHashSet<Guid>> children,
        ImmutableDictionary<Guid, ConfigHash> hashes)
    {
        ControlPlaneId = controlPlaneId;
        ControlPlane = controlPlane;
        Version = version;
        Hash = hash;
        _entities = entities;
        _byKind = byKind;
        _unique = unique;
        _children = children;
        _hashes = hashes;
    }

    /// <summary>The state before the first event of a control plane's stream (version 0).</summary>
    public static ControlPlaneConfig Empty(Guid controlPlaneId) => new(
        controlPlaneId, null, 0, ConfigHash.Empty,
        ImmutableDictionary<Guid, ConfigEntity>.Empty,
        ImmutableDictionary<EntityType, ImmutableHashSet<Guid>>.Empty,
        ImmutableDictionary<string, Guid>.Empty,
        ImmutableDictionary<Guid, ImmutableHashSet<Guid>>.Empty,
        ImmutableDictionary<Guid, ConfigHash>.Empty);

    /// <summary>The control plane's id (the stream id).</summary>
    public Guid ControlPlaneId { get; }

    /// <summary>The control plane record; null until <see cref="ControlPlaneCreated"/> and after <see cref="ControlPlaneDeleted"/>.</summary>
    public ControlPlane? ControlPlane { get; }

    /// <summary>Number of events folded into this state: the config version.</summary>
    public long Version { get; }

    /// <summary>Sum of the entity hashes (see <see cref="ConfigHash"/>).</summary>
    public ConfigHash Hash { get; }

    /// <summary>Number of gateway entities.</summary>
    public int Count => _entities.Count;

    /// <summary>Every gateway entity.</summary>
    public IEnumerable<ConfigEntity> Entities => _entities.Values;

    /// <summary>Services.</summary>
    public IEnumerable<Service> Services => All<Service>(EntityType.Service);

    /// <summary>Routes.</summary>
    public IEnumerable<Route> Routes => All<Route>(EntityType.Route);

    /// <summary>Consumers.</summary>
    public IEnumerable<Consumer> Consumers => All<Consumer>(EntityType.Consumer);

    /// <summary>Consumer groups.</summary>
    public IEnumerable<ConsumerGroup> ConsumerGroups => All<ConsumerGroup>(EntityType.ConsumerGroup);

    /// <summary>Consumer group memberships.</summary>
    public IEnumerable<ConsumerGroupMember> ConsumerGroupMembers => All<ConsumerGroupMember>(EntityType.ConsumerGroupMember);

    /// <summary>Upstreams.</summary>
    public IEnumerable<Upstream> Upstreams => All<Upstream>(EntityType.Upstream);

    /// <summary>Targets.</summary>
    public IEnumerable<Target> Targets => All<Target>(EntityType.Target);

    /// <summary>Plugins.</summary>
    public IEnumerable<Plugin> Plugins => All<Plugin>(EntityType.Plugin);

    /// <summary>Certificates.</summary>
    public IEnumerable<Certificate> Certificates => All<Certificate>(EntityType.Certificate);

    /// <summary>SNIs.</summary>
    public IEnumerable<Sni> Snis => All<Sni>(EntityType.Sni);

    /// <summary>CA certificates.</summary>
    public IEnumerable<CaCertificate> CaCertificates => All<CaCertificate>(EntityType.CaCertificate);

    /// <summary>Credentials of every kind.</summary>
    public IEnumerable<Credential> Credentials => All<Credential>(EntityType.Credential);

    /// <summary>The entity with this id, of any kind.</summary>
    public ConfigEntity? Find(Guid id) => _entities.GetValueOrDefault(id);

    /// <summary>The entity with this id when it is a <typeparamref name="T"/>.</summary>
    public T? Find<T>(Guid id) where T : ConfigEntity => _entities.GetValueOrDefault(id) as T;

    /// <summary>The <see cref="EntityHash"/> of the entity with this id (cached), or null.</summary>
    public ConfigHash? HashOf(Guid id) => _hashes.TryGetValue(id, out var hash) ? hash : null;

    /// <summary>Ids of the entities that hold a foreign key to <paramref name="id"/>.</summary>
    public IReadOnlyCollection<Guid> ChildrenOf(Guid id) => _children.GetValueOrDefault(id, NoIds);

    /// <summary>The service with this name.</summary>
    public Service? FindServiceByName(string name) => ByKey<Service>($"services:name:{name}");

    /// <summary>The route with this name.</summary>
    public Route? FindRouteByName(string name) => ByKey<Route>($"routes:name:{name}");

    /// <summary>The consumer with this username.</summary>
    public Consumer? FindConsumerByUsername(string username) => ByKey<Consumer>($"consumers:username:{username}");

    /// <summary>The consumer with this custom_id.</summary>
    public Consumer? FindConsumerByCustomId(string customId) => ByKey<Consumer>($"consumers:custom_id:{customId}");

    /// <summary>The consumer group with this name.</summary>
    public ConsumerGroup? FindConsumerGroupByName(string name) => ByKey<ConsumerGroup>($"consumer_groups:name:{name}");

    /// <summary>The upstream with this name.</summary>
    public Upstream? FindUpstreamByName(string name) => ByKey<Upstream>($"upstreams:name:{name}");

    /// <summary>The SNI with this name.</summary>
    public Sni? FindSniByName(string name) => ByKey<Sni>($"snis:name:{name}");

    /// <summary>The plugin with this instance name.</summary>
    public Plugin? FindPluginByInstanceName(string name) => ByKey<Plugin>($"plugins:instance_name:{name}");

    internal Guid? OwnerOf(string uniqueKey) => _unique.TryGetValue(uniqueKey, out var id) ? id : null;

    private T? ByKey<T>(string key) where T : ConfigEntity => OwnerOf(key) is { } id ? Find<T>(id) : null;

    private IEnumerable<T> All<T>(EntityType type) where T : ConfigEntity =>
        _byKind.GetValueOrDefault(type, NoIds).Select(id => (T)_entities[id]);
}
