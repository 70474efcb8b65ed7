using System.Collections.Frozen;
using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Consumers, consumer groups, memberships and the credentials of the auth plugins, indexed the way the
/// plugins look them up. Immutable; built once per snapshot.
/// </summary>
internal sealed class ConsumerIndex
{
    private readonly FrozenDictionary<Guid, KongConsumer> _byId;
    private readonly FrozenDictionary<string, KongConsumer> _byUsername;
    private readonly FrozenDictionary<Guid, ImmutableArray<KongConsumerGroup>> _groups;
    private readonly FrozenDictionary<Guid, ImmutableArray<string>> _acls;

    public ConsumerIndex(
        IEnumerable<KongConsumer> consumers,
        IEnumerable<KongConsumerGroup> groups,
        IEnumerable<(Guid GroupId, Guid ConsumerId)> memberships,
        IEnumerable<KeyAuthCredential> keys,
        IEnumerable<BasicAuthCredential> basic,
        IEnumerable<JwtCredential> jwt,
        IEnumerable<(Guid ConsumerId, string Group)> acls)
    {
        var consumerList = consumers.ToList();
        _byId = consumerList.ToFrozenDictionary(c => c.Id);
        _byUsername = consumerList.Where(c => c.Username is not null).DistinctBy(c => c.Username).ToFrozenDictionary(c => c.Username!);
        var groupById = groups.ToDictionary(g => g.Id);
        _groups = memberships
            .Where(m => groupById.ContainsKey(m.GroupId))
            .GroupBy(m => m.ConsumerId)
            .ToFrozenDictionary(g => g.Key, g => g.Select(m => groupById[m.GroupId]).OrderBy(x => x.Name, StringComparer.Ordinal).ToImmutableArray());
        KeyAuth = keys.DistinctBy(k => k.Key).ToFrozenDictionary(k => k.Key, StringComparer.Ordinal);
        BasicAuth = basic.DistinctBy(b => b.Username).ToFrozenDictionary(b => b.Username, StringComparer.Ordinal);
        Jwt = jwt.DistinctBy(j => j.Key).ToFrozenDictionary(j => j.Key, StringComparer.Ordinal);
        _acls = acls.GroupBy(a => a.ConsumerId).ToFrozenDictionary(g => g.Key, g => g.Select(a => a.Group).Distinct().ToImmutableArray());
    }

    /// <summary>An index without consumers.</summary>
    public static ConsumerIndex Empty { get; } = new([], [], [], [], [], [], []);

    public FrozenDictionary<string, KeyAuthCredential> KeyAuth { get; }

    public FrozenDictionary<string, BasicAuthCredential> BasicAuth { get; }

    public FrozenDictionary<string, JwtCredential> Jwt { get; }

    public int Count => _byId.Count;

    public KongConsumer? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>A consumer by id or username, as an auth plugin's <c>anonymous</c> setting names it.</summary>
    public KongConsumer? Find(string idOrUsername) =>
        Guid.TryParse(idOrUsername, out var id) && _byId.TryGetValue(id, out var c) ? c : _byUsername.GetValueOrDefault(idOrUsername);

    /// <summary>The consumer's groups, sorted by name (Kong picks a group-scoped plugin by group name).</summary>
    public ImmutableArray<KongConsumerGroup> GroupsOf(Guid consumerId) => _groups.GetValueOrDefault(consumerId, []);

    /// <summary>The consumer's acl groups (from <c>acls</c> credentials).</summary>
    public ImmutableArray<string> AclGroupsOf(Guid consumerId) => _acls.GetValueOrDefault(consumerId, []);
}
