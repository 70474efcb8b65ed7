using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// The plugins of one snapshot, compiled: every instance with its scope and parsed config, grouped by name in
/// Kong's execution order, plus the consumers and credentials the auth plugins look up. Immutable, so it is built
/// off the request path and swapped in atomically. A snapshot with <see cref="Errors"/> must be rejected.
/// </summary>
internal sealed partial class PluginSet
{
    private PluginSet(ImmutableArray<PluginChain> chains, ConsumerIndex consumers, ImmutableArray<PluginCompileError> errors)
    {
        Chains = chains;
        Consumers = consumers;
        Errors = errors;
    }

    /// <summary>A set without plugins or consumers.</summary>
    public static PluginSet Empty { get; } = new([], ConsumerIndex.Empty, []);

    /// <summary>One chain per plugin name, by descending priority (equal priorities by descending name, as Kong sorts).</summary>
    public ImmutableArray<PluginChain> Chains { get; }

    public ConsumerIndex Consumers { get; }

    /// <summary>Plugins that cannot run here: unknown or unsupported names, invalid configs, forbidden scopes.</summary>
    public ImmutableArray<PluginCompileError> Errors { get; }

    public bool IsValid => Errors.IsEmpty;

    public IEnumerable<PluginInstance> Instances => Chains.SelectMany(c => c.Instances);

    /// <summary>Compiles the <c>plugins</c>, consumer and credential sections of a snapshot. Never throws on content.</summary>
    public static PluginSet Compile(JsonElement snapshot) =>
        snapshot.ValueKind != JsonValueKind.Object
            ? new PluginSet([], ConsumerIndex.Empty, [new PluginCompileError(null, "", "the snapshot is not a JSON object")])
            : Compile(SnapshotSections.Of(snapshot));

    private static PluginChain Chain(string name, List<PluginInstance> instances, List<PluginCompileError> errors)
    {
        var byScope = new Dictionary<PluginScope, PluginInstance>();
        foreach (var instance in instances)
        {
            if (!byScope.TryAdd(instance.Scope, instance))
            {
                errors.Add(new PluginCompileError(instance.Id, name, $"uniqueness violation: another '{name}' plugin has the scope {instance.Scope}"));
            }
        }

        return new PluginChain(name, instances[0].Handler.Priority, byScope);
    }
}
