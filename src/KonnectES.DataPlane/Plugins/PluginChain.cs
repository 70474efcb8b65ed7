using System.Collections.Frozen;

namespace KonnectES.DataPlane.Plugins;

/// <summary>Every instance of one plugin name, by scope; a request runs at most one of them.</summary>
internal sealed class PluginChain
{
    private readonly FrozenDictionary<ScopeKey, PluginInstance> _instances;
    private readonly bool[] _shapes;
    private readonly bool _byConsumer;
    private readonly bool _byGroup;

    public PluginChain(string name, int priority, IReadOnlyDictionary<PluginScope, PluginInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        Name = name;
        Priority = priority;
        _instances = instances.ToFrozenDictionary(i => ScopeKey.Of(i.Key), i => i.Value);
        _byConsumer = instances.Keys.Any(s => s.ConsumerId is not null);
        _byGroup = instances.Keys.Any(s => s.ConsumerGroupId is not null);

        // Which precedence shapes have an instance at all: a lookup for a shape without one is skipped.
        _shapes = [.. PluginScope.Precedence.Select(p => instances.Keys.Any(s =>
            (s.ConsumerId is not null) == p.Consumer && (s.ConsumerGroupId is not null) == p.Group
            && (s.RouteId is not null) == p.Route && (s.ServiceId is not null) == p.Service))];
    }

    public string Name { get; }

    public int Priority { get; }

    public IEnumerable<PluginInstance> Instances => _instances.Values;

    /// <summary>
    /// The most specific instance for a request (Kong's precedence, <see cref="PluginScope.Precedence"/>). When the
    /// consumer is in several groups with an instance each, the group first by name wins, as in Kong Enterprise.
    /// </summary>
    public PluginInstance? Resolve(Guid? routeId, Guid? serviceId, KongConsumer? consumer, IReadOnlyList<KongConsumerGroup> groups)
    {
        var precedence = PluginScope.Precedence;
        for (var i = 0; i < precedence.Count; i++)
        {
            if (!_shapes[i])
            {
                continue;
            }

            var (byConsumer, byGroup, byRoute, byService) = precedence[i];
            if ((byConsumer && (consumer is null || !_byConsumer)) || (byGroup && (groups.Count == 0 || !_byGroup))
                || (byRoute && routeId is null) || (byService && serviceId is null))
            {
                continue;
            }

            var route = byRoute ? routeId : null;
            var service = byService ? serviceId : null;
            if (byGroup)
            {
                foreach (var group in groups)
                {
                    if (_instances.TryGetValue(new ScopeKey(route, service, null, group.Id), out var grouped))
                    {
                        return grouped;
                    }
                }
            }
            else if (_instances.TryGetValue(new ScopeKey(route, service, byConsumer ? consumer!.Id : null, null), out var instance))
            {
                return instance;
            }
        }

        return null;
    }

    /// <summary>A <see cref="PluginScope"/> as a value: looked up per request without an allocation.</summary>
    private readonly record struct ScopeKey(Guid? RouteId, Guid? ServiceId, Guid? ConsumerId, Guid? ConsumerGroupId)
    {
        public static ScopeKey Of(PluginScope scope) => new(scope.RouteId, scope.ServiceId, scope.ConsumerId, scope.ConsumerGroupId);
    }
}
