using System.Collections.Frozen;

namespace KonnectES.DataPlane.Plugins;

/// <summary>Every instance of one plugin name, by scope; a request runs at most one of them.</summary>
internal sealed class PluginChain(string name, int priority, IReadOnlyDictionary<PluginScope, PluginInstance> instances)
{
    private readonly FrozenDictionary<PluginScope, PluginInstance> _instances = instances.ToFrozenDictionary();
    private readonly bool _byConsumer = instances.Keys.Any(s => s.ConsumerId is not null);
    private readonly bool _byGroup = instances.Keys.Any(s => s.ConsumerGroupId is not null);

    public string Name => name;

    public int Priority => priority;

    public IEnumerable<PluginInstance> Instances => _instances.Values;

    /// <summary>
    /// The most specific instance for a request (Kong's precedence, <see cref="PluginScope.Precedence"/>). When the
    /// consumer is in several groups with an instance each, the group first by name wins, as in Kong Enterprise.
    /// </summary>
    public PluginInstance? Resolve(Guid? routeId, Guid? serviceId, KongConsumer? consumer, IReadOnlyList<KongConsumerGroup> groups)
    {
        foreach (var (byConsumer, byGroup, byRoute, byService) in PluginScope.Precedence)
        {
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
                    if (_instances.TryGetValue(new PluginScope(route, service, null, group.Id), out var grouped))
                    {
                        return grouped;
                    }
                }
            }
            else if (_instances.TryGetValue(new PluginScope(route, service, byConsumer ? consumer!.Id : null, null), out var instance))
            {
                return instance;
            }
        }

        return null;
    }
}
